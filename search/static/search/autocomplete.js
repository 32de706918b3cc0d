/* Title suggestions under the site search box (progressive enhancement).
 * Without JavaScript the box is a plain GET form to the search page.
 * The input stays a searchbox (aria-autocomplete + aria-controls + aria-activedescendant,
 * all allowed on it); a live region says how many suggestions appeared.
 * Arrows move, Enter opens the chosen page, Escape closes. */
(function () {
  "use strict";
  var form = document.querySelector("form.search-box[data-suggest-url]");
  if (!form || !window.fetch) return;
  var input = form.querySelector("input[name=q]");
  var url = form.getAttribute("data-suggest-url");
  var list = document.createElement("ul");
  var status = document.createElement("div");
  var timer = null;
  var active = -1;
  var lastQuery = "";
  var controller = null;

  list.id = "site-search-suggestions";
  list.className = "search-suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", form.getAttribute("data-suggest-label") || "Suggestions");
  list.hidden = true;
  status.className = "visually-hidden";
  // aria-live without role=status: the page's own status line stays the only "status".
  status.setAttribute("aria-live", "polite");
  form.appendChild(list);
  form.appendChild(status);
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);

  function close() {
    list.hidden = true;
    list.innerHTML = "";
    active = -1;
    input.removeAttribute("aria-activedescendant");
  }

  function highlight(index) {
    var options = list.querySelectorAll("[role=option]");
    if (!options.length) return;
    active = (index + options.length) % options.length;
    options.forEach(function (option, i) { option.setAttribute("aria-selected", i === active ? "true" : "false"); });
    input.setAttribute("aria-activedescendant", options[active].id);
  }

  function render(suggestions) {
    list.innerHTML = "";
    active = -1;
    suggestions.forEach(function (item, i) {
      // Options hold text, not links: an option must not contain another interactive control.
      var li = document.createElement("li");
      var type = document.createElement("span");
      li.id = "site-search-suggestion-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.setAttribute("data-url", item.url);
      li.textContent = item.title;
      type.className = "search-suggestions__type";
      type.textContent = item.type;
      li.appendChild(type);
      li.addEventListener("mousedown", function (event) {
        event.preventDefault();
        window.location.href = item.url;
      });
      list.appendChild(li);
    });
    var open = suggestions.length > 0;
    list.hidden = !open;
    status.textContent = open ? (form.getAttribute("data-suggest-count") || "{n}").replace("{n}", suggestions.length) : "";
  }

  function fetchSuggestions() {
    var query = input.value.trim();
    if (query === lastQuery) return;
    lastQuery = query;
    if (query.length < 2) { close(); return; }
    if (controller) controller.abort();
    controller = window.AbortController ? new AbortController() : null;
    fetch(url + "?q=" + encodeURIComponent(query), {
      headers: { Accept: "application/json" },
      signal: controller ? controller.signal : undefined,
    })
      .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
      .then(function (data) { if (input.value.trim() === query) render(data.suggestions || []); })
      .catch(function () { /* offline or aborted: the plain form still works */ });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 150);
  });
  input.addEventListener("keydown", function (event) {
    if (list.hidden) return;
    if (event.key === "ArrowDown") { event.preventDefault(); highlight(active + 1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active - 1); }
    else if (event.key === "Escape") { close(); }
    else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      window.location.href = list.querySelectorAll("[role=option]")[active].getAttribute("data-url");
    }
  });
  input.addEventListener("blur", function () { setTimeout(close, 200); });
})();
