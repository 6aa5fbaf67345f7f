/* The journey canvas on a map page (pages/canvas.py builds its markup). Without this script
   the static SVG is complete; with it: fit-to-width, zoom and pan, pinned stage headers and
   lane labels, persona and lane toggles, linked highlights between pain points, opportunities
   and KPIs, deep links (#pain-<id>, #opportunity-<id>, #kpi-<id>) and a details panel.
   It reads the SVG's markup contract (render/svg.py) and the page's JSON; it holds no words. */
(function () {
  "use strict";

  var NS = "http://www.w3.org/2000/svg";
  var STEP = 1.25, MIN_ZOOM = 0.2, MAX_ZOOM = 4, MAX_FIT = 1.5, PAN = 80, DRAG = 4;
  var PHONE = "(max-width: 44.9375em)"; // Material's phone breakpoint
  var LINK = /^#(pain|opportunity|kpi)-(.+)$/;

  function list(text) { return (text || "").split(/\s+/).filter(Boolean); }
  function num(el, name) { return parseFloat(el.getAttribute(name)) || 0; }
  function make(tag, cls, text) {
    var el = document.createElement(tag);
    if (cls) el.className = cls;
    if (text != null) el.textContent = text;
    return el;
  }

  function Canvas(root) {
    this.root = root;
    this.box = root.querySelector(".jm-figure");
    this.svg = this.box.querySelector("svg");
    this.data = JSON.parse(root.querySelector(".jm-canvas-data").textContent);
    var box = this.svg.viewBox.baseVal;
    this.width = box.width;
    this.height = this.fullHeight = box.height;
    this.zoom = 1;
    this.fitted = true;
    this.hiddenLanes = {};
    this.cards = Array.prototype.slice.call(this.svg.querySelectorAll(".jm-card"));
    this.sheet = make("div", "jm-canvas-sheet");
    this.box.insertBefore(this.sheet, this.svg);
    this.sheet.appendChild(this.svg);
    this.panel = root.querySelector(".jm-panel");
    this.bar = root.querySelector(".jm-canvas-bar");
    this.bar.hidden = false;
    root.classList.add("jm-live");
    this.pins();
    this.controls();
    this.pointer();
    this.links();
    this.fit();
  }

  /* ---- zoom and pan ---------------------------------------------------------------------- */

  Canvas.prototype.setZoom = function (zoom, cx, cy) {
    var box = this.box, old = this.zoom;
    zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
    // Keep the point under (cx, cy) of the visible box where it is.
    if (cx == null) { cx = box.clientWidth / 2; cy = box.clientHeight / 2; }
    var x = (box.scrollLeft + cx) / old, y = (box.scrollTop + cy) / old;
    this.zoom = zoom;
    this.layout();
    box.scrollLeft = x * zoom - cx;
    box.scrollTop = y * zoom - cy;
  };

  Canvas.prototype.fit = function () {
    this.fitted = true;
    var room = this.box.clientWidth;
    if (room > 0) this.setZoom(Math.min(MAX_FIT, room / this.width), 0, 0);
  };

  Canvas.prototype.layout = function () {
    var z = this.zoom, w = this.width * z, h = this.height * z;
    this.svg.style.width = w + "px";
    this.svg.style.height = h + "px";
    this.sheet.style.width = w + "px";
    if (this.top) {
      var th = this.top.h * z;
      this.top.svg.style.width = w + "px";
      this.top.svg.style.height = th + "px";
      this.top.pin.style.height = th + "px";
      // In flow it takes no room: the diagram starts at the sheet's top, under the pinned copy.
      this.top.pin.style.marginTop = this.top.y * z + "px";
      this.top.pin.style.marginBottom = -(th + this.top.y * z) + "px";
    }
    if (this.left) {
      this.left.svg.style.width = this.left.w * z + "px";
      this.left.svg.style.height = h + "px";
      this.left.pin.style.width = this.left.w * z + "px";
      this.left.pin.style.marginLeft = this.left.x * z + "px";
      this.left.svg.setAttribute("viewBox", [this.left.x, 0, this.left.w, this.height].join(" "));
    }
  };

  /* ---- pinned stage headers and lane labels: clones in small overlay SVGs ----------------- */

  Canvas.prototype.overlay = function (selector, name) {
    var group = this.svg.querySelector(selector);
    if (!group) return null;
    var id = this.svg.id + "-" + name, o = document.createElementNS(NS, "svg");
    o.setAttribute("id", id);
    o.setAttribute("class", this.svg.getAttribute("class"));
    o.setAttribute("aria-hidden", "true");
    o.setAttribute("preserveAspectRatio", "xMinYMin meet");
    var style = this.svg.querySelector("style");
    if (style) { // the diagram's colour rules are scoped to its id: rescope a copy to the clone
      var copy = style.cloneNode(true);
      copy.textContent = style.textContent.split("#" + this.svg.id).join("#" + id);
      o.appendChild(copy);
    }
    var bg = document.createElementNS(NS, "rect");
    bg.setAttribute("class", "f-bg");
    o.appendChild(bg);
    var clone = group.cloneNode(true);
    [clone].concat(Array.prototype.slice.call(clone.querySelectorAll("[id],[tabindex]"))).forEach(function (el) {
      el.removeAttribute("id");
      el.removeAttribute("tabindex");
    });
    o.appendChild(clone);
    var pin = make("div", "jm-pin " + name);
    pin.setAttribute("aria-hidden", "true");
    pin.appendChild(o);
    return {pin: pin, svg: o, bg: bg, group: group, clone: clone};
  };

  Canvas.prototype.pins = function () {
    var top = this.overlay(".jm-headers", "jm-pin-top"), left = this.overlay(".jm-labels", "jm-pin-left");
    if (top) {
      top.y = num(top.group, "data-y");
      top.h = num(top.group, "data-height");
      top.svg.setAttribute("viewBox", [0, top.y, this.width, top.h].join(" "));
      top.bg.setAttribute("y", top.y);
      top.bg.setAttribute("width", this.width);
      top.bg.setAttribute("height", top.h);
      this.sheet.insertBefore(top.pin, this.svg);
      this.top = top;
    }
    if (left) {
      left.x = num(left.group, "data-x");
      left.w = num(left.group, "data-width");
      // Only from the header row down: above it are the diagram's title and legend.
      var from = top ? top.y : 0;
      left.bg.setAttribute("x", left.x);
      left.bg.setAttribute("y", from);
      left.bg.setAttribute("width", left.w);
      left.bg.setAttribute("height", this.fullHeight - from);
      this.sheet.insertBefore(left.pin, this.svg);
      this.left = left;
    }
  };

  /* ---- toolbar: zoom buttons, persona and lane toggles ------------------------------------ */

  Canvas.prototype.controls = function () {
    var self = this;
    this.bar.addEventListener("click", function (e) {
      var b = e.target.closest("[data-jm-zoom]");
      if (!b) return;
      var how = b.getAttribute("data-jm-zoom");
      if (how === "fit") self.fit();
      else { self.fitted = false; self.setZoom(self.zoom * (how === "in" ? STEP : 1 / STEP)); }
    });
    var persona = this.bar.querySelector("[data-jm-persona]");
    persona.addEventListener("change", function () { self.showPersona(persona.value); });
    var lanes = this.bar.querySelector("[data-jm-lanes]");
    Array.prototype.forEach.call(this.svg.querySelectorAll(".jm-labels .jm-lane-label"), function (label) {
      var lane = label.getAttribute("data-lane"), row = make("label"), box = make("input");
      box.type = "checkbox";
      box.checked = true;
      box.value = lane;
      row.appendChild(box);
      row.appendChild(document.createTextNode(" " + (self.data.lanes[lane] || label.textContent.trim())));
      lanes.appendChild(row);
      box.addEventListener("change", function () { self.showLane(lane, box.checked); });
    });
    this.box.addEventListener("keydown", function (e) { self.key(e); });
    window.addEventListener("resize", function () { if (self.fitted) self.fit(); });
  };

  Canvas.prototype.key = function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var box = this.box, card = e.target.closest && e.target.closest(".jm-card");
    var moves = {ArrowLeft: [-PAN, 0], ArrowRight: [PAN, 0], ArrowUp: [0, -PAN], ArrowDown: [0, PAN]};
    if (e.key === "+" || e.key === "=") { this.fitted = false; this.setZoom(this.zoom * STEP); }
    else if (e.key === "-") { this.fitted = false; this.setZoom(this.zoom / STEP); }
    else if (e.key === "0") this.fit();
    else if (moves[e.key]) box.scrollBy(moves[e.key][0], moves[e.key][1]);
    else if (card && (e.key === "Enter" || e.key === " ")) this.open(card);
    else return;
    e.preventDefault();
  };

  Canvas.prototype.showPersona = function (id) {
    Array.prototype.forEach.call(this.root.querySelectorAll(".jm-persona"), function (g) {
      g.style.display = !id || g.getAttribute("data-persona") === id ? "" : "none";
    });
  };

  // Hide a lane and move what lies below it up by its height (the lanes carry data-y/height).
  Canvas.prototype.showLane = function (lane, shown) {
    if (shown) delete this.hiddenLanes[lane]; else this.hiddenLanes[lane] = true;
    var hidden = [], self = this;
    Array.prototype.forEach.call(this.svg.querySelectorAll(".jm-lane"), function (g) {
      if (self.hiddenLanes[g.getAttribute("data-lane")]) {
        hidden.push({y: num(g, "data-y"), h: num(g, "data-height")});
      }
    });
    var parts = Array.prototype.slice.call(this.svg.children);
    if (this.left) parts = parts.concat(Array.prototype.slice.call(this.left.group.children),
                                        Array.prototype.slice.call(this.left.clone.children));
    if (!this.tops) this.tops = new WeakMap();
    parts.forEach(function (el) {
      if (!(el instanceof SVGGraphicsElement) || (self.left && el === self.left.group) || el.closest(".jm-headers")) return;
      var y = self.tops.get(el);
      if (y === undefined) {
        var b = el.getBBox();
        y = {y: b.y, h: b.height, lane: el.getAttribute("data-lane")};
        self.tops.set(el, y);
      }
      var inside = hidden.some(function (l) { return y.y >= l.y - 0.5 && y.y + y.h <= l.y + l.h + 0.5; });
      var offset = hidden.reduce(function (sum, l) { return l.y + l.h <= y.y + 0.5 ? sum + l.h : sum; }, 0);
      el.style.display = inside || (y.lane && self.hiddenLanes[y.lane]) ? "none" : "";
      if (offset) el.setAttribute("transform", "translate(0 " + -offset + ")");
      else el.removeAttribute("transform");
    });
    this.height = this.fullHeight - hidden.reduce(function (sum, l) { return sum + l.h; }, 0);
    this.svg.setAttribute("viewBox", [0, 0, this.width, this.height].join(" "));
    this.layout();
  };

  /* ---- linked highlights, deep links and the details panel -------------------------------- */

  Canvas.prototype.find = function (kind, id) {
    for (var i = 0; i < this.cards.length; i++) {
      var c = this.cards[i];
      if (c.getAttribute("data-kind") === kind && c.getAttribute("data-id") === id) return c;
    }
    return null;
  };

  // The cards linked to one: pain point <-> opportunities that address it <-> KPIs measuring them.
  Canvas.prototype.related = function (card) {
    var self = this, kind = card.getAttribute("data-kind"), id = card.getAttribute("data-id");
    var of = function (k) { return self.cards.filter(function (c) { return c.getAttribute("data-kind") === k; }); };
    var opps = kind === "opportunity" ? [card]
      : of("opportunity").filter(function (o) {
        return list(o.getAttribute(kind === "pain" ? "data-addresses" : "data-kpis")).indexOf(id) >= 0;
      });
    if (kind !== "pain" && kind !== "opportunity" && kind !== "kpi") return [card];
    var out = [card].concat(opps);
    opps.forEach(function (o) {
      list(o.getAttribute("data-addresses")).forEach(function (p) { out.push(self.find("pain", p)); });
      list(o.getAttribute("data-kpis")).forEach(function (k) { out.push(self.find("kpi", k)); });
    });
    return out.filter(function (c, i) { return c && out.indexOf(c) === i; });
  };

  // Hover and focus light "on"; a deep link's "target" stays lit until the next one.
  Canvas.prototype.light = function (card, cls) {
    this.cards.forEach(function (c) { c.classList.remove(cls); });
    this.svg.classList.toggle("jm-" + cls, !!card);
    if (card) this.related(card).forEach(function (c) { c.classList.add(cls); });
  };

  Canvas.prototype.links = function () {
    var self = this;
    var over = function (e) { var c = e.target.closest(".jm-card"); if (c) self.light(c, "on"); };
    var out = function (e) { if (e.target.closest(".jm-card")) self.light(null, "on"); };
    this.svg.addEventListener("pointerover", over);
    this.svg.addEventListener("pointerout", out);
    this.svg.addEventListener("focusin", over);
    this.svg.addEventListener("focusout", out);
    this.svg.addEventListener("click", function (e) {
      var c = e.target.closest(".jm-card");
      if (c && !self.dragged) self.open(c);
    });
    this.panel.addEventListener("click", function (e) {
      if (e.target === self.panel || e.target.closest("[data-jm-close]")) self.panel.close();
    });
    this.panel.addEventListener("close", function () { if (self.opener) self.opener.focus({preventScroll: true}); });
    window.addEventListener("hashchange", function () { self.follow(); });
    this.follow();
  };

  Canvas.prototype.follow = function () {
    var m = LINK.exec(decodeURIComponent(location.hash));
    var card = m && this.find(m[1], m[2]);
    if (!card) return;
    if (window.matchMedia(PHONE).matches) { // the phone shows the stages as text
      var stage = document.getElementById("stage-" + card.getAttribute("data-stage"));
      if (stage) stage.scrollIntoView();
      return;
    }
    this.light(card, "target");
    card.scrollIntoView({block: "center", inline: "center"});
    card.focus({preventScroll: true});
  };

  Canvas.prototype.open = function (card) {
    var info = this.data.cards[card.getAttribute("data-kind") + "-" + card.getAttribute("data-id")];
    var words = this.data.words, stage = this.data.stages[card.getAttribute("data-stage")] || {};
    var body = this.panel.querySelector(".jm-panel-body"), self = this;
    info = info || {kind: words["canvas.details"], text: card.getAttribute("aria-label") || card.textContent,
      rows: stage.name ? [[words.stage, stage.name]] : []};
    this.panel.querySelector(".jm-panel-title").textContent = info.kind;
    body.textContent = "";
    body.appendChild(make("p", "jm-panel-text", info.text));
    var rows = info.rows.slice();
    if (card.getAttribute("data-kind") === "pain") {
      var names = this.related(card).filter(function (c) { return c.getAttribute("data-kind") === "opportunity"; })
        .map(function (c) { var d = self.data.cards["opportunity-" + c.getAttribute("data-id")]; return d ? d.text : ""; })
        .filter(Boolean);
      if (names.length) rows.push([words["canvas.addressed_by"], names]);
    }
    var dl = make("dl");
    rows.forEach(function (r) {
      dl.appendChild(make("dt", null, r[0]));
      [].concat(r[1]).forEach(function (value) { // a list of values: one line each
        var dd = make("dd", null, r[0] === words.evidence && info.link ? null : value);
        if (r[0] === words.evidence && info.link) {
          var a = make("a", null, value);
          a.href = info.link;
          a.rel = "noopener noreferrer";
          dd.appendChild(a);
        }
        dl.appendChild(dd);
      });
    });
    body.appendChild(dl);
    if (stage.tactics && stage.tactics.length) {
      body.appendChild(make("p", "jm-panel-sub", words["lane.tactics"]));
      var ul = make("ul");
      stage.tactics.forEach(function (t) { ul.appendChild(make("li", null, t)); });
      body.appendChild(ul);
    }
    this.opener = card;
    if (!this.panel.open) this.panel.showModal();
  };

  /* ---- pointer: drag to pan, ctrl+wheel to zoom ------------------------------------------- */

  Canvas.prototype.pointer = function () {
    var self = this, box = this.box, start = null;
    box.addEventListener("pointerdown", function (e) {
      if (e.button !== 0 || e.pointerType === "touch") return; // touch pans natively
      start = {x: e.clientX, y: e.clientY, left: box.scrollLeft, top: box.scrollTop};
      self.dragged = false;
    });
    box.addEventListener("pointermove", function (e) {
      if (!start) return;
      var dx = e.clientX - start.x, dy = e.clientY - start.y;
      if (!self.dragged && Math.abs(dx) + Math.abs(dy) < DRAG) return;
      if (!self.dragged) { self.dragged = true; box.setPointerCapture(e.pointerId); box.classList.add("jm-dragging"); }
      box.scrollLeft = start.left - dx;
      box.scrollTop = start.top - dy;
    });
    var end = function () { start = null; box.classList.remove("jm-dragging"); };
    box.addEventListener("pointerup", end);
    box.addEventListener("pointercancel", end);
    box.addEventListener("wheel", function (e) {
      if (!e.ctrlKey) return;
      e.preventDefault();
      var r = box.getBoundingClientRect();
      self.fitted = false;
      self.setZoom(self.zoom * (e.deltaY < 0 ? STEP : 1 / STEP), e.clientX - r.left, e.clientY - r.top);
    }, {passive: false});
  };

  /* ---- the stage-by-stage text: open where it is the view (phone), collapsed elsewhere ---- */

  function stagesView() {
    var phone = window.matchMedia(PHONE);
    var sync = function () {
      Array.prototype.forEach.call(document.querySelectorAll("details.jm-stages"), function (d) {
        d.open = phone.matches;
      });
    };
    sync();
    phone.addEventListener("change", sync);
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".jm-canvas:not(.jm-live)"), function (root) {
      if (root.querySelector(".jm-figure svg")) new Canvas(root);
    });
    stagesView();
  }

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
