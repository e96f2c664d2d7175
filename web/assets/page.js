(function () {
  "use strict";
  var forms = document.querySelectorAll("form[data-max]");
  function human(n) {
    if (n >= 1048576) return (n / 1048576).toFixed(1) + " MB";
    if (n >= 1024) return (n / 1024).toFixed(1) + " KB";
    return n + " B";
  }
  function tooBig(form, file) {
    var max = parseInt(form.getAttribute("data-max"), 10);
    if (!file || !(file.size > max)) return false;
    var box = document.getElementById("rl-msg");
    if (box) box.textContent = "文件“" + file.name + "”大小 " + human(file.size) + "，超过上限 " + human(max) + "，未上传。请缩小文件，或用 reportlint serve --max-size 提高上限后重新启动。";
    return true;
  }
  function send(form, input) {
    var f = input.files && input.files[0];
    if (!f || tooBig(form, f)) return;
    form.submit();
  }
  for (var i = 0; i < forms.length; i++) {
    (function (form) {
      var input = form.querySelector("input[type=file]");
      var zone = form.querySelector(".rl-drop") || form;
      if (!input) return;
      input.addEventListener("change", function () { send(form, input); });
      form.addEventListener("submit", function (e) {
        if (tooBig(form, input.files && input.files[0])) e.preventDefault();
      });
      zone.addEventListener("dragover", function (e) { e.preventDefault(); zone.classList.add("rl-over"); });
      zone.addEventListener("dragleave", function () { zone.classList.remove("rl-over"); });
      zone.addEventListener("drop", function (e) {
        e.preventDefault();
        zone.classList.remove("rl-over");
        if (!e.dataTransfer || !e.dataTransfer.files.length) return;
        input.files = e.dataTransfer.files;
        send(form, input);
      });
    })(forms[i]);
  }
  // Dropping a file anywhere else must not make the browser open it.
  document.addEventListener("dragover", function (e) { e.preventDefault(); });
  document.addEventListener("drop", function (e) { e.preventDefault(); });
})();
