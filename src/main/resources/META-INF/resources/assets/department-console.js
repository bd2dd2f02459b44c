// The department console's actions: each form posts to the ticket or supervision API with the session cookie
// and the page's CSRF token (see web/CsrfGuard); on success the page is loaded again, since the lists and the
// ticket are rendered on the server. A refusal is shown beside the field it names, or above the form. Text
// from the API is only ever set as text.
(function () {
  'use strict';

  // Every department action is a POST that must not happen twice: the key makes a retry harmless.
  function call(url, body, key) {
    return ConsoleApi.call('POST', url, body, null, { 'Idempotency-Key': key });
  }
  var detail = document.querySelector('.ticket-detail');

  document.querySelectorAll('form.act-form').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var ticket = detail.dataset.ticket;
      var action = form.dataset.action;
      send(form, '/api/tickets/' + ticket + '/' + action, bodyOf(form, action),
        '/console/department?ticket=' + ticket + '&done=' + action);
    });
  });

  document.querySelectorAll('form.respond').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      send(form, '/api/supervision/cases/' + form.dataset.case + '/responses', bodyOf(form, 'respond'),
        '/console/department?done=respond');
    });
  });

  function bodyOf(form, action) {
    switch (action) {
      case 'accept':
        return null;
      case 'reply':
        return { text: value(form, 'text'), outcome: value(form, 'outcome') || null };
      case 'extension':
        var days = value(form, 'workingDays');
        return { workingDays: days === '' ? null : Number(days), reason: value(form, 'reason') };
      case 'respond':
        return { text: value(form, 'text') };
      default:
        return { reason: value(form, 'reason') };
    }
  }

  function send(form, url, body, next) {
    var button = form.querySelector('button[type="submit"]');
    if (button.disabled) {
      return;
    }
    clearErrors(form);
    button.disabled = true;
    // One key per submission: a retry after a timeout cannot act twice.
    var key = window.crypto && crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random();
    call(url, body, key).then(function (r) {
      if (r.ok) {
        window.location.assign(next);
        return;
      }
      showErrors(form, r);
      button.disabled = false;
    });
  }

  function showErrors(form, r) {
    var problem = r.body || {};
    var placed = false;
    (problem.errors || []).forEach(function (e) {
      placed = fieldError(form, e.field, e.message) || placed;
    });
    if (!placed) {
      // Illegal transitions and conflicts name no field: their message goes above the ticket's forms, or the form.
      var box = form.querySelector('.form-error') || document.querySelector('.action-error');
      box.textContent = problem.detail || '提交失败（' + r.status + '），请刷新页面后重试。';
      box.hidden = false;
    }
  }

  function fieldError(form, field, message) {
    return ConsoleApi.errors(form, null).field(field, message);
  }

  function clearErrors(form) {
    form.querySelectorAll('[data-error-for]').forEach(function (slot) {
      fieldError(form, slot.dataset.errorFor, '');
    });
    document.querySelectorAll('.form-error').forEach(function (box) { box.hidden = true; });
  }


  function value(form, name) {
    var field = form.querySelector('[name="' + name + '"]');
    return field ? field.value.trim() : '';
  }

}());
