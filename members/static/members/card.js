/* Keeps the card available offline and says when it was last refreshed. */
(function () {
  "use strict";
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/card/sw.js", { scope: "/" }).catch(function () {});
  }
  var status = document.getElementById("card-status");
  if (!status) return;
  var note = status.querySelector(".card-status__offline");
  function update() {
    note.hidden = navigator.onLine;
  }
  window.addEventListener("online", update);
  window.addEventListener("offline", update);
  update();
})();
