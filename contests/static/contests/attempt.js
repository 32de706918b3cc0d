// The attempt page without JavaScript already works (deadline shown, "Save answers"
// and "Submit answers" buttons). This adds a ticking timer, saving on every change
// and the submission when time runs out. The server's deadline stays authoritative:
// the timer starts from the seconds left that the server sent, not the phone's clock.
(function () {
  "use strict";
  var form = document.getElementById("attempt-form");
  if (!form || !window.fetch || !window.FormData) { return; }
  var timer = document.getElementById("timer");
  var label = document.getElementById("timer-label");
  var status = document.getElementById("save-status");
  var alertBox = document.getElementById("time-alert");
  var counter = document.getElementById("answered-count");
  var progress = document.getElementById("progress");
  var strings = JSON.parse(document.getElementById("attempt-strings").textContent);
  var endsAt = Date.now() + parseInt(form.dataset.remaining, 10) * 1000;
  var saving = false, pending = false, submitted = false;

  function two(n) { return (n < 10 ? "0" : "") + n; }
  function secondsLeft() { return Math.max(0, Math.round((endsAt - Date.now()) / 1000)); }

  function submitNow() {
    if (submitted) { return; }
    submitted = true;
    form.action = form.dataset.submitUrl;
    form.submit();
  }

  function tick() {
    var left = secondsLeft();
    timer.textContent = Math.floor(left / 60) + ":" + two(left % 60);
    timer.parentNode.classList.toggle("is-urgent", left <= 60);
    if (left === 300 || left === 60) { alertBox.textContent = strings[left === 300 ? "five" : "one"]; }
    if (left <= 0) { submitNow(); return; }
    window.setTimeout(tick, 1000 - ((endsAt - Date.now()) % 1000 + 1000) % 1000 || 1000);
  }
  label.textContent = strings.left;
  tick();

  function answeredCount() {
    var names = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[name^=q]:checked"), function (input) { names[input.name] = true; });
    return Object.keys(names).length;
  }

  // One request at a time, each carrying the whole form: the last one to arrive
  // is the newest state, so nothing saved can be overwritten by an older save.
  function save() {
    if (saving) { pending = true; return; }
    saving = true;
    status.textContent = strings.saving;
    fetch(form.action, {
      method: "POST", body: new FormData(form), credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" }
    }).then(function (response) {
      return response.json().then(function (data) { return { status: response.status, data: data }; });
    }).then(function (reply) {
      if (reply.data.closed) { window.location = reply.data.result; return; }
      if (reply.status !== 200) { throw new Error(String(reply.status)); }
      endsAt = Date.now() + reply.data.remaining * 1000;
      status.textContent = reply.data.ok ? strings.saved : strings.prediction;
    }).catch(function () {
      status.textContent = strings.offline;
      pending = true;
      window.setTimeout(save, 5000);
    }).then(function () {
      saving = false;
      if (pending && !submitted) { pending = false; save(); }
    });
  }

  form.addEventListener("change", function () {
    var count = answeredCount();
    counter.textContent = count;
    progress.value = count;
    save();
  });
  form.addEventListener("submit", function () { submitted = true; });
})();
