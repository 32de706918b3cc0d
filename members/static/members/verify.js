/* Checks a card's signature in the browser with the published Ed25519 key, so the page
   works at events without a network. The server's verdict, when there is one, stands. */
(function () {
  "use strict";
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/card/sw.js", { scope: "/" }).catch(function () {});
  }
  var box = document.getElementById("verify-result");
  if (!box) return;
  var REVOKED_KEY = "member-card-revoked";

  function fromBase64Url(text) {
    var base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    while (base64.length % 4) base64 += "=";
    var binary = atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  function show(verdict, claims, note) {
    box.className = "verify-result verify-result--" + verdict;
    box.textContent = "";
    var p = document.createElement("p");
    p.className = "verify-result__verdict";
    p.textContent = box.dataset["text" + verdict.charAt(0).toUpperCase() + verdict.slice(1)];
    box.appendChild(p);
    if (claims && verdict !== "invalid") {
      var dl = document.createElement("dl");
      dl.className = "facts";
      [[box.dataset.labelName, claims.m], [box.dataset.labelUnit, claims.u], [box.dataset.labelExpiry, claims.e]].forEach(function (pair) {
        var dt = document.createElement("dt");
        dt.textContent = pair[0];
        dl.appendChild(dt);
        var dd = document.createElement("dd");
        dd.textContent = pair[1];
        dl.appendChild(dd);
      });
      box.appendChild(dl);
    }
    if (note) {
      var small = document.createElement("p");
      small.className = "meta";
      small.textContent = note;
      box.appendChild(small);
    }
  }

  function revokedSerials() {
    try { return JSON.parse(localStorage.getItem(REVOKED_KEY) || "[]"); } catch (e) { return []; }
  }

  if (navigator.onLine) {
    fetch("/card/revoked.json").then(function (r) { return r.json(); }).then(function (data) {
      localStorage.setItem(REVOKED_KEY, JSON.stringify(data.serials));
    }).catch(function () {});
  }

  var token = new URLSearchParams(window.location.search).get("t");
  if (!token || box.dataset.serverChecked) return;
  var parts = token.split(".");
  if (parts.length !== 2) { show("invalid"); return; }
  if (!(window.crypto && crypto.subtle)) { show("invalid", null, box.dataset.textUnsupported); return; }
  var payload, signature;
  try {
    payload = fromBase64Url(parts[0]);
    signature = fromBase64Url(parts[1]);
  } catch (e) { show("invalid"); return; }
  crypto.subtle.importKey("raw", fromBase64Url(box.dataset.publicKey), { name: "Ed25519" }, false, ["verify"])
    .then(function (key) { return crypto.subtle.verify({ name: "Ed25519" }, key, signature, payload); })
    .then(function (genuine) {
      if (!genuine) { show("invalid"); return; }
      var claims = JSON.parse(new TextDecoder().decode(payload));
      var today = new Date().toISOString().slice(0, 10);
      if (revokedSerials().indexOf(claims.s) !== -1) show("revoked", claims);
      else if (claims.e < today) show("expired", claims);
      else show("valid", claims, box.dataset.textOffline);
    })
    .catch(function () { show("invalid", null, box.dataset.textUnsupported); });
})();
