// The callback list (回访): the agent reads the departments' replies to the caller and records the verdict.
// Satisfied (or basically satisfied) and resolved closes the ticket; anything else sends it back to the same
// departments (重办), as TicketLifecycle decides. Calls go through ConsoleApi (console-api.js).
(function () {
  'use strict';

  var forms = Array.prototype.slice.call(document.querySelectorAll('form.verdict'));
  var count = document.querySelector('#callbacks-tab .tab-count');

  forms.forEach(function (form) {
    var general = form.querySelector('.form-error');
    var errors = ConsoleApi.errors(form, general);
    var pending = false;
    // One key per verdict: resending it after a timeout cannot record the callback twice; a changed verdict
    // is a new request and needs a new key.
    var sent = { body: null, key: null };

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      record();
    });
    form.addEventListener('keydown', function (event) {
      // Enter records from any field; Shift+Enter keeps a line break in the note.
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.target.tagName !== 'BUTTON') {
        event.preventDefault();
        record();
      }
    });

    function record() {
      if (pending) {
        return;
      }
      errors.clear();
      var satisfaction = checked(form, 'satisfaction');
      var resolved = checked(form, 'resolved');
      var missing = false;
      if (!satisfaction) {
        errors.field('satisfaction', '请选择来电人的满意度。');
        missing = true;
      }
      if (!resolved) {
        errors.field('resolved', '请选择问题是否已解决。');
        missing = true;
      }
      if (missing) {
        form.querySelector('[aria-invalid="true"]').focus();
        return;
      }
      pending = true;
      var submit = form.querySelector('button.record');
      submit.disabled = true;
      var body = { satisfaction: satisfaction, resolved: resolved === 'true', note: form.note.value.trim() || null };
      if (JSON.stringify(body) !== sent.body) {
        sent = { body: JSON.stringify(body), key: newKey() };
      }
      ConsoleApi.call('POST', '/api/tickets/' + form.dataset.ticketId + '/callback', body, null,
        { 'Idempotency-Key': sent.key }).then(function (r) {
        if (r.ok) {
          done(form, r.body);
        } else {
          errors.show(r);
          submit.disabled = false;
        }
      }).finally(function () {
        pending = false;
      });
    }
  });

  function done(form, ticket) {
    var item = form.closest('.callback');
    item.classList.add('done');
    var result = item.querySelector('.verdict-result');
    result.textContent = ticket.status === 'CLOSED'
      ? '已记录回访：工单 ' + ticket.number + ' 已办结。'
      : '已记录回访：工单 ' + ticket.number + ' 已退回原承办单位重办（第 ' + ticket.round + ' 轮）。';
    if (count) {
      var left = Number(count.dataset.count) - document.querySelectorAll('.callback.done').length;
      count.textContent = left + ' 件待回访';
    }
    result.focus();
  }

  function newKey() {
    return window.crypto && crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random();
  }

  function checked(form, name) {
    var input = form.querySelector('input[name="' + name + '"]:checked');
    return input ? input.value : null;
  }

  // The next form still waiting, after the one the focus is in: the agent works down the list.
  function nextPending() {
    var open = forms.filter(function (f) { return !f.closest('.callback').classList.contains('done'); });
    var current = document.activeElement && document.activeElement.closest('.callback');
    var after = open.filter(function (f) {
      return current && (current.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    return after[0] || open[0];
  }

  function focusForm(form) {
    if (form) {
      form.querySelector('input').focus();
      form.closest('.callback').scrollIntoView({ block: 'nearest' });
    }
  }

  ConsoleApi.shortcuts({
    Digit1: function () { window.location.href = '/console/agent'; },
    Digit4: function () { focusForm(nextPending()); }
  });

  focusForm(forms[0]);
}());
