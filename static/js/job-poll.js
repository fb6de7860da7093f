/* Background job page: polls the job's JSON every 2 seconds until it is done, then shows the download link. */
(function () {
  "use strict";
  var box = document.getElementById("job-status");
  if (!box || !window.fetch || box.getAttribute("data-done")) { return; }
  var url = box.getAttribute("data-poll-url");
  function poll() {
    fetch(url, { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (job) {
        box.querySelector(".job-label").textContent = job.label;
        box.querySelector(".job-progress").textContent = job.progress;
        box.querySelector("progress").value = job.progress;
        box.querySelector(".job-message").textContent = job.message;
        if (job.download) {
          var p = box.querySelector(".job-download");
          p.querySelector("a").href = job.download;
          p.hidden = false;
        }
        if (job.status === "done" || job.status === "failed") {
          var wait = box.querySelector(".job-wait");
          if (wait) { wait.hidden = true; }
          return;
        }
        window.setTimeout(poll, 2000);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
})();
