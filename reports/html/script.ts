/**
 * The page's only script (inlined; allowed by its hash in the CSP): the rule table
 * filters, and each timeline scrolled so its violation row and note are in view. It
 * reads `data-*` attributes, toggles `hidden` and scrolls; it never builds HTML.
 * @internal
 */
export const SCRIPT = `
(function () {
  var verdict = document.getElementById('f-verdict');
  var group = document.getElementById('f-group');
  var text = document.getElementById('f-text');
  var shown = document.getElementById('f-shown');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#rules tbody tr'));
  function apply() {
    var v = verdict.value, g = group.value, t = text.value.toLowerCase(), n = 0;
    rows.forEach(function (tr) {
      var ok = (v === '' || tr.getAttribute('data-verdict') === v)
        && (g === '' || tr.getAttribute('data-group') === g)
        && (t === '' || tr.textContent.toLowerCase().indexOf(t) >= 0);
      tr.hidden = !ok;
      if (ok) n++;
    });
    shown.textContent = n + ' of ' + rows.length + ' rules shown';
  }
  [verdict, group, text].forEach(function (el) { el.addEventListener('input', apply); el.addEventListener('change', apply); });
  apply();
  Array.prototype.forEach.call(document.querySelectorAll('.tl-wrap'), function (box) {
    var row = box.querySelector('.viol-row');
    if (!row) return;
    var b = box.getBoundingClientRect(), r = row.getBoundingClientRect();
    box.scrollTop += r.top - b.top - box.clientHeight / 3;
    var note = box.querySelector('.viol-note');
    if (!note) return;
    // Just far enough right that the note fits, never past its start.
    var n = note.getBoundingClientRect(), over = n.right - b.right + 16;
    if (over > 0) box.scrollLeft += Math.min(over, n.left - b.left - 16);
  });
})();
`;
