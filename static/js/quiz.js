/* Quiz attempt: saves each answer as the learner chooses it, and counts down the time limit.
   Without JavaScript the form still submits every answer at the end. */
(function () {
  "use strict";
  var form = document.getElementById("quiz-form");
  if (!form || !window.fetch) { return; }
  var saveUrl = form.getAttribute("data-save-url");
  var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var msg = function (name) { return form.getAttribute("data-msg-" + name) || ""; };

  function save(fieldset) {
    var qid = fieldset.getAttribute("data-question");
    var status = fieldset.querySelector(".save-status");
    var body = new FormData();
    body.append("question", qid);
    fieldset.querySelectorAll("input:checked").forEach(function (input) { body.append("choice", input.value); });
    status.textContent = msg("saving");
    fetch(saveUrl, { method: "POST", body: body, credentials: "same-origin", headers: { "X-CSRFToken": token } })
      .then(function (response) { return response.json(); })
      .then(function (data) { status.textContent = data.message; })
      .catch(function () { status.textContent = msg("offline"); });
  }

  form.addEventListener("change", function (event) {
    var fieldset = event.target.closest("fieldset[data-question]");
    if (fieldset) { save(fieldset); }
  });

  var timer = document.getElementById("quiz-timer");
  var left = timer && timer.querySelector(".timer-left");
  if (left) {
    var end = Date.now() + parseInt(timer.getAttribute("data-remaining"), 10) * 1000;
    var tick = function () {
      var seconds = Math.max(0, Math.round((end - Date.now()) / 1000));
      var m = Math.floor(seconds / 60), s = seconds % 60;
      left.textContent = seconds > 0 ? msg("left") + " " + m + ":" + (s < 10 ? "0" : "") + s + "." : msg("up");
      if (seconds > 0) { window.setTimeout(tick, 1000); }
    };
    tick();
  }
})();
