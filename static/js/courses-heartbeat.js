// Engaged-time heartbeats for a lesson. The server measures the time between beats and
// caps it; this script only says "still here" while the tab is visible and the learner
// has interacted recently (or a video is playing). Attendance codes arrive in the reply.
(function () {
  "use strict";
  var lesson = document.querySelector("[data-heartbeat-url]");
  if (!lesson || !window.fetch) { return; }
  var url = lesson.getAttribute("data-heartbeat-url");
  var tokenInput = document.querySelector("input[name=csrfmiddlewaretoken]");
  var csrf = tokenInput ? tokenInput.value : "";
  var INTERVAL = 30000;
  var IDLE_LIMIT = 120000;
  var lastActivity = Date.now();
  var shown = {};

  function active() { lastActivity = Date.now(); }
  ["pointerdown", "pointermove", "keydown", "scroll", "touchstart", "wheel"].forEach(function (name) {
    window.addEventListener(name, active, { passive: true });
  });
  document.querySelectorAll("video").forEach(function (video) {
    video.addEventListener("timeupdate", function () { if (!video.paused) { active(); } });
  });
  document.querySelectorAll("[data-code-list] input[name=entry]").forEach(function (input) {
    shown[input.value] = true;
  });

  function showCodes(codes) {
    var list = lesson.querySelector("[data-code-list]");
    var template = document.getElementById("code-form-template");
    if (!list || !template || !codes.length) { return; }
    lesson.querySelector("#attendance").hidden = false;
    codes.forEach(function (item) {
      if (shown[item.entry]) { return; }
      shown[item.entry] = true;
      var form = template.content.firstElementChild.cloneNode(true);
      form.querySelector("input[name=entry]").value = item.entry;
      form.querySelector("[data-prompt]").textContent = item.prompt;
      form.querySelector("[data-code]").textContent = item.code;
      list.appendChild(form);
    });
  }

  function beat() {
    if (document.visibilityState !== "visible") { return; }
    if (Date.now() - lastActivity > IDLE_LIMIT) { return; }
    fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrf, "X-Requested-With": "fetch" }
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (data) {
      if (!data) { return; }
      var minutes = lesson.querySelector("[data-lesson-minutes]");
      if (minutes) { minutes.textContent = data.lesson_minutes; }
      showCodes(data.codes || []);
    }).catch(function () { /* offline: the next beat tries again */ });
  }

  beat();
  window.setInterval(beat, INTERVAL);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") { active(); beat(); }
  });
})();
