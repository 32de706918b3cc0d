// Enhancements of the contest page: a countdown to the next round and unit
// suggestions while typing. Without them the page shows the opening time and
// the entry form offers a list of matching units after sending.
(function () {
  "use strict";
  var countdown = document.querySelector("[data-countdown-seconds]");
  if (countdown && countdown.dataset.countdownSeconds) {
    var opensAt = Date.now() + parseInt(countdown.dataset.countdownSeconds, 10) * 1000;
    var pattern = countdown.dataset.pattern;
    var show = function () {
      var left = Math.max(0, Math.round((opensAt - Date.now()) / 1000));
      countdown.textContent = pattern
        .replace("{d}", Math.floor(left / 86400)).replace("{h}", Math.floor(left % 86400 / 3600))
        .replace("{m}", Math.floor(left % 3600 / 60)).replace("{s}", left % 60);
      countdown.hidden = false;
      if (left > 0) { window.setTimeout(show, 1000); } else { window.location.reload(); }
    };
    show();
  }

  var form = document.querySelector("[data-unit-suggestions]");
  var input = form && form.querySelector("[name=unit_query]");
  var list = document.getElementById("unit-suggestions");
  if (!input || !list || !window.fetch) { return; }
  var timer = null;
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    var query = input.value.trim();
    if (query.length < 2) { return; }
    timer = window.setTimeout(function () {
      fetch(form.dataset.unitSuggestions + "?q=" + encodeURIComponent(query))
        .then(function (response) { return response.json(); })
        .then(function (data) {
          list.innerHTML = "";
          data.units.forEach(function (unit) {
            var option = document.createElement("option");
            option.value = unit.code;
            option.label = unit.name;
            option.textContent = unit.name;
            list.appendChild(option);
          });
        }).catch(function () {});
    }, 250);
  });
})();
