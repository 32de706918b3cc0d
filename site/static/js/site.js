// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Keep the focus visible on the main region after a skip-link jump.
  var skip = document.querySelector(".skip-link");
  if (skip) {
    skip.addEventListener("click", function () {
      var main = document.getElementById("main");
      if (main) { main.focus(); }
    });
  }
})();
