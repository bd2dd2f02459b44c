// What every console page shares: same-origin calls to the JSON API with the session cookie and, on every
// state-changing call, the page's CSRF token as a header (see web/CsrfGuard); elements built from text only,
// since callers' words must never become markup; RFC 9457 problems shown beside the fields they name.
window.ConsoleApi = (function () {
  'use strict';

  var csrf = { header: meta('csrf-header'), token: meta('csrf-token') };

  function call(method, url, body, signal, extraHeaders) {
    var headers = { Accept: 'application/json' };
    if (method !== 'GET') {
      headers['Content-Type'] = 'application/json';
      headers[csrf.header] = csrf.token;
    }
    Object.assign(headers, extraHeaders || {});
    return fetch(url, { method: method, headers: headers, credentials: 'same-origin', signal: signal,
      body: body ? JSON.stringify(body) : undefined })
      .then(function (response) {
        if (response.status === 401 || response.redirected && response.url.indexOf('/login') >= 0) {
          // The session ran out: back to the login page, which returns here afterwards.
          window.location.href = '/login';
        }
        return response.text().then(function (text) {
          var parsed = null;
          try { parsed = text ? JSON.parse(text) : null; } catch (e) { parsed = null; }
          return { ok: response.ok, status: response.status, body: parsed };
        });
      })
      .catch(function (e) {
        if (e.name === 'AbortError') {
          throw e;
        }
        return { ok: false, status: 0, body: { detail: '网络连接失败，请检查网络后重试。' } };
      });
  }

  // Errors of one form: a problem's errors[].field goes to the form's [data-error-for] slot of that name,
  // anything else to the form's general message.
  function errors(form, general) {
    function field(name, message) {
      // Field names such as "[3].weight" (a row of a list) need escaping in a selector.
      var slot = form.querySelector('[data-error-for="' + CSS.escape(name) + '"]');
      if (!slot) {
        return false;
      }
      slot.textContent = message;
      form.querySelectorAll('[name="' + CSS.escape(name) + '"]').forEach(function (input) {
        input.setAttribute('aria-invalid', message ? 'true' : 'false');
      });
      return true;
    }
    return {
      field: field,
      clear: function () {
        form.querySelectorAll('[data-error-for]').forEach(function (slot) { field(slot.dataset.errorFor, ''); });
        general.hidden = true;
      },
      show: function (r) {
        var problem = r.body || {};
        var placed = false;
        (problem.errors || []).forEach(function (e) {
          placed = field(e.field, e.message) || placed;
        });
        if (!placed) {
          general.textContent = problem.detail || '提交失败（' + r.status + '），请稍后重试。';
          general.hidden = false;
        }
      }
    };
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    return node;
  }

  // Alt+digit shortcuts: the key's code, not its character, so they work whatever the keyboard layout.
  function shortcuts(actions) {
    document.addEventListener('keydown', function (event) {
      if (!event.altKey || event.ctrlKey || event.metaKey) {
        return;
      }
      var action = actions[event.code];
      if (action) {
        event.preventDefault();
        action();
      }
    });
  }

  function meta(name) {
    var tag = document.querySelector('meta[name="' + name + '"]');
    return tag ? tag.getAttribute('content') : '';
  }

  function byId(id) {
    return document.getElementById(id);
  }

  // Code → name pairs the page lists in a hidden <ul id=listId> (departments, triggers...).
  function names(listId) {
    var map = {};
    document.querySelectorAll('#' + listId + ' li').forEach(function (li) { map[li.dataset.code] = li.textContent; });
    return map;
  }

  // A form's lead and co-handlers (templates/tags/departmentChoice.html). The lead cannot also co-handle, so its
  // box is unticked and disabled whenever the lead changes.
  function departmentChoice(form) {
    var lead = form.elements.lead;
    var boxes = Array.prototype.slice.call(form.querySelectorAll('input[name=co]'));
    function sync() {
      boxes.forEach(function (b) {
        b.disabled = b.value === lead.value;
        if (b.disabled) {
          b.checked = false;
        }
      });
    }
    lead.addEventListener('change', sync);
    sync();
    return {
      lead: function () { return lead.value; },
      co: function () { return boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; }); },
      set: function (code) { lead.value = code; sync(); },
      reset: sync
    };
  }

  return { call: call, errors: errors, el: el, byId: byId, names: names, shortcuts: shortcuts,
    departmentChoice: departmentChoice };
}());
