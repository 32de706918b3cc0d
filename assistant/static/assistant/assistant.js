// The assistant as a chat: the same forms, posted with fetch, answers appended in place.
// Without JavaScript every form posts and the page comes back with the new answer.
(function () {
  "use strict";
  var form = document.getElementById("assistant-ask");
  var list = document.getElementById("assistant-exchanges");
  if (!form || !list || !window.fetch) return;
  var status = document.getElementById("assistant-status");
  var textarea = form.querySelector("textarea");
  var button = form.querySelector("button[type=submit]");
  var hidden = form.querySelector("input[name=conversation]");

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" },
    }).then(function (response) {
      return response.json().then(function (data) {
        return { ok: response.ok, data: data };
      });
    });
  }

  function fragment(html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    return template.content.firstElementChild;
  }

  function bindHelpful(scope) {
    scope.querySelectorAll(".assistant-helpful").forEach(function (helpful) {
      helpful.addEventListener("click", function (event) {
        var choice = event.target.closest("button[name=helpful]");
        if (!choice) return;
        event.preventDefault();
        var body = new FormData(helpful);
        body.set("helpful", choice.value);
        post(helpful.action, body).then(function (result) {
          if (!result.ok) return helpful.submit();
          var item = helpful.closest(".assistant-exchange");
          var fresh = fragment(result.data.html);
          item.replaceWith(fresh);
          var thanks = fresh.querySelector(".assistant-actions .meta");
          if (thanks) status.textContent = thanks.textContent;
        }).catch(function () { helpful.submit(); });
      });
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!textarea.value.trim()) {
      status.textContent = form.dataset.empty || textarea.getAttribute("aria-label") || "";
      textarea.focus();
      return;
    }
    button.disabled = true;
    status.textContent = "…";
    post(form.action, new FormData(form)).then(function (result) {
      button.disabled = false;
      if (!result.ok) {
        status.textContent = (result.data.errors || []).join(" ");
        return;
      }
      var empty = document.getElementById("assistant-empty");
      if (empty) empty.remove();
      var item = fragment(result.data.html);
      list.appendChild(item);
      bindHelpful(item);
      hidden.value = result.data.conversation;
      form.action = result.data.url;
      window.history.replaceState(null, "", result.data.url);
      textarea.value = "";
      status.textContent = "";
      var heading = item.querySelector(".assistant-answer h3");
      if (heading) heading.focus();
    }).catch(function () {
      // The network failed: fall back to the ordinary form post.
      button.disabled = false;
      form.submit();
    });
  });
  bindHelpful(document);
})();
