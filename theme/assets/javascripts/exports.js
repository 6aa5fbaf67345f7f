/* The map page's PNG and poster downloads, made by the reader's browser (pages/map_page.py
   lists them as hidden buttons when the site publishes no picture files: Cairo drawing them
   for every map made a cold build twice as slow, issue 16). PNG: the page's own inline
   diagram, as it is on screen (colour scheme, shown lanes and personas), drawn on a canvas at
   2x and saved as <map-id>.png; fonts are the page's system fonts, nothing is fetched. Poster:
   the print dialog, whose A3 landscape stylesheet (canvas.css) prints the canvas alone. */
(function () {
  "use strict";

  var SCALE = 2;
  // The smallest canvas any current browser draws (Safari on iOS: 16.7 megapixels, 4096^2);
  // a larger diagram is drawn at a smaller scale rather than not at all.
  var MAX_PIXELS = 16777216;
  var VARS = /--jmc-[a-z0-9-]+/g; // the diagram's colours, as its <style> resolves them (render/theme.py)

  // The canvas's own diagram, not the pinned copies of its headers and labels (canvas.js).
  function diagram(canvas) {
    var svgs = canvas.querySelectorAll(".jm-figure svg");
    for (var i = 0; i < svgs.length; i++) {
      if (!svgs[i].closest(".jm-pin") && !svgs[i].parentNode.closest("svg")) return svgs[i];
    }
    return null;
  }

  // A standalone copy: sized by its viewBox, with the colours and fonts the page resolved
  // (the page's stylesheets and colour scheme do not reach an image).
  function standalone(svg, scale) {
    var box = svg.viewBox.baseVal, copy = svg.cloneNode(true), style = svg.querySelector("style");
    var computed = getComputedStyle(svg), names = {};
    ((style && style.textContent) || "").replace(VARS, function (name) { names[name] = true; return name; });
    copy.removeAttribute("style");
    Object.keys(names).forEach(function (name) {
      var value = computed.getPropertyValue(name);
      if (value) copy.style.setProperty(name, value.trim());
    });
    copy.style.setProperty("font-family", computed.fontFamily);
    copy.setAttribute("width", box.width * scale);
    copy.setAttribute("height", box.height * scale);
    return new XMLSerializer().serializeToString(copy);
  }

  function save(blob, name) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
  }

  function png(list, canvas, button) {
    var svg = diagram(canvas);
    if (!svg) return;
    var box = svg.viewBox.baseVal;
    var scale = Math.min(SCALE, Math.sqrt(MAX_PIXELS / (box.width * box.height)));
    var w = Math.round(box.width * scale), h = Math.round(box.height * scale);
    var url = URL.createObjectURL(new Blob([standalone(svg, scale)], {type: "image/svg+xml;charset=utf-8"}));
    var img = new Image();
    // Whatever fails, the reader still gets the diagram: the SVG file of the same list.
    var fallback = function () {
      URL.revokeObjectURL(url);
      button.disabled = false;
      var file = list.querySelector('a[href$=".svg"]');
      if (file) file.click();
    };
    button.disabled = true;
    img.onload = function () {
      var c = document.createElement("canvas");
      c.width = w;
      c.height = h;
      try {
        c.getContext("2d").drawImage(img, 0, 0, w, h);
        c.toBlob(function (blob) {
          URL.revokeObjectURL(url);
          button.disabled = false;
          if (blob) save(blob, list.getAttribute("data-map") + ".png");
          else fallback();
        }, "image/png");
      } catch (e) {
        fallback();
      }
    };
    img.onerror = fallback;
    img.src = url;
  }

  function enhance(root) {
    Array.prototype.forEach.call(root.querySelectorAll(".jm-downloads[data-jm-canvas]"), function (list) {
      var canvas = document.getElementById(list.getAttribute("data-jm-canvas"));
      if (!canvas || list.dataset.jmExports) return;
      list.dataset.jmExports = "1";
      Array.prototype.forEach.call(list.querySelectorAll("[data-jm-export]"), function (item) {
        var kind = item.getAttribute("data-jm-export"), button = item.querySelector("button");
        if (kind === "png" && !window.HTMLCanvasElement.prototype.toBlob) return; // stays hidden
        item.hidden = false;
        button.addEventListener("click", function () {
          if (kind === "png") png(list, canvas, button);
          else window.print();
        });
      });
    });
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(function () { enhance(document); });
  } else {
    document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  }
})();
