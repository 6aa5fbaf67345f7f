/* Sortable tables: every table inside `.jm-sortable` sorts by a column when its heading is
   chosen (click, Enter or Space). Numbers sort as numbers; the state is announced through
   aria-sort. Material's instant navigation swaps pages without reloading: document$ tells
   us when a new page is in place. */
(function () {
  "use strict";

  function cellValue(row, index) {
    var cell = row.cells[index];
    var text = cell ? cell.textContent.trim() : "";
    var number = parseFloat(text.replace(/[^0-9.+-]/g, ""));
    return /^[+-]?[0-9.]/.test(text) && !isNaN(number) ? number : text.toLowerCase();
  }

  function sortBy(table, index, th) {
    var body = table.tBodies[0];
    if (!body) return;
    var descending = th.getAttribute("aria-sort") === "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
      cell.removeAttribute("aria-sort");
    });
    th.setAttribute("aria-sort", descending ? "descending" : "ascending");
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellValue(a, index), y = cellValue(b, index);
      var order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
      return descending ? -order : order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  function enhance(root) {
    var tables = root.querySelectorAll(".jm-sortable table");
    Array.prototype.forEach.call(tables, function (table) {
      if (!table.tHead || table.dataset.jmSortable) return;
      table.dataset.jmSortable = "1";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
        var button = document.createElement("button");
        button.type = "button";
        while (th.firstChild) button.appendChild(th.firstChild);
        th.appendChild(button);
        button.addEventListener("click", function () { sortBy(table, index, th); });
      });
    });
  }

  // A table wider than the column scrolls; keyboard users must be able to reach it (WCAG 2.1.1).
  function focusableScrollers(root) {
    Array.prototype.forEach.call(root.querySelectorAll(".md-typeset table"), function (table) {
      if (table.scrollWidth > table.clientWidth + 1 && !table.hasAttribute("tabindex")) {
        table.setAttribute("tabindex", "0");
      }
    });
  }

  function ready(root) {
    enhance(root);
    focusableScrollers(root);
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(function () { ready(document); });
  } else {
    document.addEventListener("DOMContentLoaded", function () { ready(document); });
  }
})();
