(function () {
  "use strict";
  function flash(el) {
    if (!el) return;
    el.classList.remove("flash");
    void el.offsetWidth;
    el.classList.add("flash");
  }
  // A mark in the text: show its first finding in the side list.
  document.addEventListener("click", function (e) {
    var m = e.target.closest ? e.target.closest("[data-refs]") : null;
    if (!m) return;
    var ids = (m.getAttribute("data-refs") || "").split(" ");
    for (var i = 0; i < ids.length; i++) {
      var li = document.getElementById("i-" + ids[i]);
      if (li) {
        li.scrollIntoView({ block: "nearest" });
        flash(li);
      }
    }
  });
  // A link to a place in the text: flash the mark that follows its anchor.
  function onHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var a = id ? document.getElementById(id) : null;
    if (!a || !a.classList.contains("anchor")) return;
    var n = a.nextElementSibling;
    while (n && n.classList.contains("anchor")) n = n.nextElementSibling;
    flash(n);
  }
  // Per-group filters (Chinese group labels) above each side list (only with script; without it every item shows).
  var lists = document.querySelectorAll("aside.list");
  for (var l = 0; l < lists.length; l++) {
    (function (aside) {
      var bar = aside.querySelector(".filters");
      if (!bar) return;
      var items = aside.querySelectorAll("li.item");
      var counts = {}, order = [];
      for (var i = 0; i < items.length; i++) {
        var c = items[i].getAttribute("data-check");
        if (!(c in counts)) { counts[c] = 0; order.push(c); }
        counts[c]++;
      }
      if (order.length < 2) return;
      order.forEach(function (c) {
        var label = document.createElement("label");
        var box = document.createElement("input");
        box.type = "checkbox";
        box.checked = true;
        box.addEventListener("change", function () {
          for (var i = 0; i < items.length; i++) {
            if (items[i].getAttribute("data-check") === c) items[i].hidden = !box.checked;
          }
        });
        label.appendChild(box);
        label.appendChild(document.createTextNode(" " + c + " " + counts[c]));
        bar.appendChild(label);
      });
    })(lists[l]);
  }
  window.addEventListener("hashchange", onHash);
  onHash();
})();
