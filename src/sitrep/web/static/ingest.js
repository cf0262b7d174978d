// Progress for large uploads: send the ingest form with XMLHttpRequest to show how much has
// been sent, then show the server's answer. Without JavaScript the form posts as usual.
(function () {
  "use strict";
  // Listening on the document: the form is replaced by the answer's own after each upload.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches("form.ingest")) { return; }
    var bar = document.getElementById("upload-progress");
    var status = document.getElementById("upload-status");
    event.preventDefault();
    var request = new XMLHttpRequest();
    request.open("POST", form.action);
    bar.hidden = false;
    request.upload.onprogress = function (progress) {
      if (progress.lengthComputable) {
        bar.value = Math.round(100 * progress.loaded / progress.total);
        status.textContent = bar.value < 100 ? "sending " + bar.value + "%" : "processing…";
      }
    };
    request.onload = function () {
      var page = new DOMParser().parseFromString(request.responseText, "text/html");
      document.querySelector("main").replaceWith(page.querySelector("main"));
      document.title = page.title;
      var done = document.getElementById("upload-progress");
      if (done) {  // the answer's own form: show that this upload went through
        done.hidden = false;
        done.value = 100;
        document.getElementById("upload-status").textContent = "done";
      }
    };
    request.onerror = function () { status.textContent = "the upload failed"; };
    request.send(new FormData(form));
  });
})();
