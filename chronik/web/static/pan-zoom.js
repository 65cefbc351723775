// chronik: drag to pan and wheel to zoom an SVG figure (written for chronik, no library).
// The page works without it: nodes are plain links.
(function () {
  "use strict";
  var svg = document.getElementById("network");
  if (!svg) { return; }
  var box = svg.viewBox.baseVal;
  var view = { x: box.x, y: box.y, w: box.width, h: box.height };
  var drag = null;
  function apply() { svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].join(" ")); }
  function scale() { return view.w / svg.getBoundingClientRect().width; }
  svg.addEventListener("wheel", function (event) {
    event.preventDefault();
    var factor = event.deltaY > 0 ? 1.15 : 1 / 1.15;
    var rect = svg.getBoundingClientRect();
    var px = view.x + (event.clientX - rect.left) * scale();
    var py = view.y + (event.clientY - rect.top) * scale();
    view.w = Math.min(Math.max(view.w * factor, 80), 4000);
    view.h = view.w * box.height / box.width;
    view.x = px - (event.clientX - rect.left) * scale();
    view.y = py - (event.clientY - rect.top) * scale();
    apply();
  }, { passive: false });
  svg.addEventListener("pointerdown", function (event) {
    drag = { x: event.clientX, y: event.clientY, moved: false };
  });
  window.addEventListener("pointermove", function (event) {
    if (!drag) { return; }
    var dx = event.clientX - drag.x, dy = event.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) { drag.moved = true; }
    view.x -= dx * scale();
    view.y -= dy * scale();
    drag.x = event.clientX;
    drag.y = event.clientY;
    apply();
  });
  window.addEventListener("pointerup", function () {
    if (drag && drag.moved) {
      // a drag that ends on a node is not a click
      svg.addEventListener("click", function (event) { event.preventDefault(); }, { once: true, capture: true });
    }
    drag = null;
  });
}());
