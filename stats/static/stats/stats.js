// Optional: tap or hover a bar, point or slice to read its value in a bubble.
// Without this file the values are still in each mark's native tooltip,
// in the accessible names and in the table under every chart.
(function () {
  "use strict";
  // Each chart block of an article brings this file: listen once.
  if (window.statTipsReady) { return; }
  window.statTipsReady = true;
  var tip = null;
  function hide() {
    if (tip) { tip.remove(); tip = null; }
    document.querySelectorAll(".stat-figure .is-active").forEach(function (el) { el.classList.remove("is-active"); });
  }
  function show(mark) {
    hide();
    tip = document.createElement("div");
    tip.className = "stat-tooltip";
    tip.setAttribute("aria-hidden", "true");  // screen readers already hear the mark's name
    tip.textContent = mark.getAttribute("aria-label");
    document.body.appendChild(tip);
    var box = mark.getBoundingClientRect();
    var left = Math.max(4, Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 4));
    tip.style.left = left + "px";
    tip.style.top = (window.scrollY + box.top - tip.offsetHeight - 6) + "px";
    mark.classList.add("is-active");
  }
  document.addEventListener("click", function (event) {
    var mark = event.target.closest && event.target.closest(".stat-figure [role='graphics-symbol']");
    if (mark) { show(mark); } else { hide(); }
  });
  document.addEventListener("mouseover", function (event) {
    var mark = event.target.closest && event.target.closest(".stat-figure [role='graphics-symbol']");
    if (mark) { show(mark); }
  });
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") { hide(); } });
})();
