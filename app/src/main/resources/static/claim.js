// Places the source boxes over each receipt image (CSP forbids inline styles) and links them with the field rows.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('.hl').forEach(function (box) {
    box.style.left = box.dataset.left + '%';
    box.style.top = box.dataset.top + '%';
    box.style.width = box.dataset.width + '%';
    box.style.height = box.dataset.height + '%';
    box.classList.add('placed');
  });
  document.querySelectorAll('.receipt').forEach(function (receipt) {
    function mark(field, on) {
      receipt.querySelectorAll('[data-field="' + CSS.escape(field) + '"]').forEach(function (el) {
        el.classList.toggle('active', on);
      });
    }
    receipt.querySelectorAll('[data-field]').forEach(function (el) {
      el.addEventListener('mouseenter', function () { mark(el.dataset.field, true); });
      el.addEventListener('mouseleave', function () { mark(el.dataset.field, false); });
    });
    receipt.querySelectorAll('tr[data-field]').forEach(function (row) {
      row.addEventListener('click', function () {
        var form = receipt.querySelector('.correct-form');
        if (!form) { return; }
        var select = form.querySelector('select[name=field]');
        if (select.querySelector('option[value="' + CSS.escape(row.dataset.field) + '"]')) {
          select.value = row.dataset.field;
          var value = row.querySelector('.value').textContent.trim();
          form.querySelector('input[name=value]').value = value === '—' ? '' : value;
          form.querySelector('input[name=reason]').focus();
        }
      });
    });
  });
});
