// Quick exit: a visible button and Shift pressed three times (as GOV.UK's "Exit this
// page"). The page is blanked at once, the current history entry is replaced and a
// neutral site opens. Without JavaScript the button is a plain link to the same site.
(function () {
  "use strict";
  var PRESSES_NEEDED = 3;
  var WINDOW_MS = 5000;
  var presses = 0;
  var timer = null;

  function exitUrl() {
    var holder = document.querySelector("[data-quick-exit-url]");
    return holder ? holder.getAttribute("data-quick-exit-url") : "about:blank";
  }

  function leave() {
    var url = exitUrl();
    document.title = "";
    if (document.body) {
      document.body.innerHTML = "";
      document.body.className = "quick-exit-blank";
      document.body.setAttribute("data-quick-exit-done", "true");
    }
    try { window.sessionStorage.clear(); } catch (e) { /* storage may be disabled */ }
    window.location.replace(url);
  }

  function reset() {
    presses = 0;
    if (timer) { window.clearTimeout(timer); timer = null; }
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") { reset(); return; }
    if (event.repeat) { return; }
    presses += 1;
    if (presses >= PRESSES_NEEDED) { reset(); leave(); return; }
    if (timer) { window.clearTimeout(timer); }
    timer = window.setTimeout(reset, WINDOW_MS);
  }, true);

  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target.closest("#quick-exit") : null;
    if (target) { event.preventDefault(); leave(); }
  }, true);

  window.quickExit = leave;
})();
