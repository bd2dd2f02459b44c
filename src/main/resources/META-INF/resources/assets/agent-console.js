// The agent's desk during a live call: 热线百科 search as the agent types, the caller's earlier tickets, live
// repeat candidates, intake and one-click dispatch. Same-origin fetch with the session cookie; every
// state-changing call sends the page's CSRF token as a header (see web/CsrfGuard). Text from the API is only
// ever set as text: callers' words must never become markup.
(function () {
  'use strict';

  var SEARCH_DELAY_MS = 200;
  var PHONE_DELAY_MS = 350;
  var CANDIDATE_DELAY_MS = 600;
  var STATUS = { NEW: '待派单', ANSWERED: '已在通话中答复', DISPATCHED: '已派单', ACCEPTED: '已签收', REPLIED: '已答复',
    CLOSED: '已办结', RETURNED: '已退单', REOPENED: '重办' };

  var csrf = { header: meta('csrf-header'), token: meta('csrf-token') };
  var form = byId('intake');
  var kbBox = byId('kb-q');
  var phone = byId('phone');
  var content = byId('content');
  var answered = [];
  var departments = {};
  document.querySelectorAll('#department-names li').forEach(function (li) {
    departments[li.dataset.code] = li.textContent;
  });

  // ---- 热线百科 search ----
  var searchRun = latest(function (signal) {
    var q = kbBox.value.trim();
    if (!q) {
      byId('kb-results').replaceChildren();
      say('kb-status', '');
      return null;
    }
    return call('GET', '/api/kb/search?limit=6&q=' + encodeURIComponent(q), null, signal).then(function (r) {
      if (!r.ok) {
        say('kb-status', r.body && r.body.detail ? r.body.detail : '查询失败，请稍后重试。');
        return;
      }
      showHits(r.body);
    });
  });
  typing(kbBox, SEARCH_DELAY_MS, searchRun);
  // Enter in the search box searches at once, here on the desk rather than on the public pages.
  kbBox.form.addEventListener('submit', function (event) {
    event.preventDefault();
    searchRun();
  });

  function showHits(result) {
    var list = byId('kb-results');
    list.replaceChildren();
    say('kb-status', result.total ? '找到 ' + result.total + ' 条' : '没有找到相关条目，可换个说法。');
    result.hits.forEach(function (hit) {
      var item = el('li', 'hit');
      var title = el('a', null, hit.title);
      title.href = '/entries/' + encodeURIComponent(hit.id);
      title.target = '_blank';
      title.rel = 'noopener';
      var head = el('h3');
      head.appendChild(title);
      item.appendChild(head);
      var facts = el('p', 'facts', hit.departmentName + ' · ' + hit.category);
      if (hit.stale) {
        facts.appendChild(el('span', 'stale', '⚠ 已过复核期，答复前请核实'));
      } else {
        facts.appendChild(el('span', 'fresh', '✓ 在复核期内'));
      }
      item.appendChild(facts);
      var snippet = el('p', 'snippet');
      appendSnippet(snippet, hit.snippet);
      item.appendChild(snippet);
      var use = el('button', 'use', '用此条目答复');
      use.type = 'button';
      use.addEventListener('click', function () { useEntry(hit); });
      item.appendChild(use);
      list.appendChild(item);
    });
  }

  // The API escapes the snippet and marks matches with <em>; only text and <em> are taken from it.
  function appendSnippet(parent, html) {
    var body = new DOMParser().parseFromString('<body>' + html, 'text/html').body;
    body.childNodes.forEach(function (node) {
      if (node.nodeName === 'EM') {
        parent.appendChild(el('em', null, node.textContent));
      } else {
        parent.appendChild(document.createTextNode(node.textContent));
      }
    });
  }

  function useEntry(hit) {
    if (answered.some(function (a) { return a.id === hit.id; })) {
      return;
    }
    answered.push({ id: hit.id, title: hit.title });
    byId('type').value = 'INQUIRY';
    showAnswered();
  }

  function showAnswered() {
    var list = byId('answered-list');
    list.replaceChildren();
    answered.forEach(function (a, i) {
      var item = el('li', null, a.title + ' ');
      var drop = el('button', 'link', '移除');
      drop.type = 'button';
      drop.addEventListener('click', function () { answered.splice(i, 1); showAnswered(); });
      item.appendChild(drop);
      list.appendChild(item);
    });
    byId('answered').hidden = answered.length === 0;
  }

  // ---- The caller's earlier tickets ----
  var historyRun = latest(function (signal) {
    var number = phone.value.trim();
    var box = byId('history');
    fieldError('callerPhone', '');
    if (number.replace(/\D/g, '').length < 7) {
      box.replaceChildren();
      return null;
    }
    return call('GET', '/api/callers/' + encodeURIComponent(number) + '/tickets', null, signal).then(function (r) {
      box.replaceChildren();
      if (!r.ok) {
        fieldError('callerPhone', r.body && r.body.detail ? r.body.detail : '无法查询该号码的历史工单。');
        return;
      }
      box.appendChild(el('p', 'history-title', r.body.length ? '该来电人此前的工单（' + r.body.length + ' 件）：'
        : '该来电人此前没有工单。'));
      var list = el('ul', 'history-list');
      r.body.slice(0, 10).forEach(function (t) {
        var item = el('li');
        item.appendChild(el('span', 'number', t.number));
        item.appendChild(el('span', 'status', STATUS[t.status] || t.status));
        item.appendChild(el('span', 'preview', t.contentPreview));
        list.appendChild(item);
      });
      box.appendChild(list);
    });
  });
  typing(phone, PHONE_DELAY_MS, historyRun);

  // ---- Repeat candidates while the call is typed ----
  var candidateRun = latest(function (signal) {
    var box = byId('candidates');
    var draft = intakeBody();
    if (!draft.content || !draft.callerPhone) {
      box.replaceChildren();
      return null;
    }
    return call('POST', '/api/tickets/repeat-candidates', draft, signal).then(function (r) {
      box.replaceChildren();
      // A half-typed call is often not yet valid: validation is shown on submit, not while typing.
      if (!r.ok || !r.body.length) {
        return;
      }
      box.appendChild(el('p', 'candidates-title', '可能是重复件：'));
      var list = el('ul');
      r.body.forEach(function (c) {
        var item = el('li', c.likely ? 'likely' : null);
        item.appendChild(el('span', 'number', c.number));
        item.appendChild(el('span', 'preview', c.contentPreview));
        item.appendChild(el('span', 'reasons', (c.likely ? '很可能重复：' : '') + c.reasons.join('；')));
        list.appendChild(item);
      });
      box.appendChild(list);
    });
  });
  ['phone', 'type', 'district', 'address', 'content'].forEach(function (id) {
    typing(byId(id), CANDIDATE_DELAY_MS, candidateRun);
  });

  // ---- Intake ----
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    submit();
  });
  content.addEventListener('keydown', function (event) {
    // Enter records the call, as in the other fields; Shift+Enter keeps a line break in the complaint.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  });

  var submitting = false;

  function submit() {
    if (submitting) {
      return;
    }
    submitting = true;
    clearErrors();
    byId('submit').disabled = true;
    // One key per recorded call: a retried request after a timeout cannot record it twice.
    var key = window.crypto && crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random();
    call('POST', '/api/tickets', intakeBody(), null, { 'Idempotency-Key': key }).then(function (r) {
      if (r.status === 201) {
        showResult(r.body);
        form.reset();
        answered = [];
        showAnswered();
        byId('candidates').replaceChildren();
        byId('history').replaceChildren();
      } else {
        showErrors(r);
      }
    }).finally(function () {
      submitting = false;
      byId('submit').disabled = false;
    });
  }

  function intakeBody() {
    var body = {
      callerPhone: phone.value.trim(),
      type: byId('type').value,
      channel: 'PHONE',
      district: byId('district').value || null,
      address: byId('address').value.trim() || null,
      content: content.value.trim()
    };
    if (body.type === 'INQUIRY' && answered.length) {
      body.answeredWith = answered.map(function (a) { return a.id; });
    }
    return body;
  }

  function showResult(ticket) {
    var box = byId('result');
    box.replaceChildren();
    var head = el('h3', null, '已受理 ' + ticket.number);
    box.appendChild(head);
    box.appendChild(el('p', 'ticket-status', STATUS[ticket.status] || ticket.status));
    if (ticket.status === 'ANSWERED' && ticket.answeredWith && ticket.answeredWith.length) {
      box.appendChild(el('p', 'answered-with', '通话中已答复，所用条目：' + ticket.answeredWith.join('、')));
    }
    box.appendChild(el('p', 'content', ticket.content));
    if (ticket.repeat) {
      box.appendChild(el('p', 'repeat', '重复件：与工单 #' + ticket.repeat.of + ' 为同一问题（'
        + ticket.repeat.reasons.join('；') + '）'));
    }
    var suggestions = ticket.suggestedDepartments || [];
    if (ticket.status === 'NEW' && suggestions.length) {
      box.appendChild(el('p', 'suggest-title', '推荐承办单位：'));
      var list = el('ul', 'suggestions-list');
      suggestions.forEach(function (s) {
        var item = el('li', 'suggestion');
        var name = departments[s.code] || s.code;
        item.appendChild(el('strong', null, name));
        item.appendChild(el('span', 'reasons', s.reasons.join('；')));
        var send = el('button', 'dispatch', '派单给' + name);
        send.type = 'button';
        send.dataset.code = s.code;
        send.addEventListener('click', function () { dispatch(ticket, s.code, name, box); });
        item.appendChild(send);
        list.appendChild(item);
      });
      box.appendChild(list);
    }
    box.focus();
  }

  function dispatch(ticket, code, name, box) {
    box.querySelectorAll('button.dispatch').forEach(function (b) { b.disabled = true; });
    call('POST', '/api/tickets/' + ticket.id + '/dispatch', { lead: code }).then(function (r) {
      var note = box.querySelector('.dispatch-result') || box.appendChild(el('p', 'dispatch-result'));
      if (r.ok) {
        note.textContent = '已派单至' + name + '（' + (STATUS[r.body.status] || r.body.status) + '）';
        note.className = 'dispatch-result done';
      } else {
        note.textContent = r.body && r.body.detail ? r.body.detail : '派单失败，请重试。';
        note.className = 'dispatch-result form-error';
        box.querySelectorAll('button.dispatch').forEach(function (b) { b.disabled = false; });
      }
    });
  }

  function showErrors(r) {
    var problem = r.body || {};
    var placed = false;
    (problem.errors || []).forEach(function (e) {
      placed = fieldError(e.field, e.message) || placed;
    });
    if (!placed) {
      var general = byId('intake-error');
      general.textContent = problem.detail || '提交失败（' + r.status + '），请稍后重试。';
      general.hidden = false;
    }
  }

  function fieldError(field, message) {
    var slot = form.querySelector('[data-error-for="' + field + '"]');
    if (!slot) {
      return false;
    }
    slot.textContent = message;
    var input = form.querySelector('[name="' + field + '"]');
    if (input) {
      input.setAttribute('aria-invalid', message ? 'true' : 'false');
    }
    return true;
  }

  function clearErrors() {
    form.querySelectorAll('[data-error-for]').forEach(function (slot) { fieldError(slot.dataset.errorFor, ''); });
    byId('intake-error').hidden = true;
  }

  // ---- Keyboard: Alt+1/2/3 jump between the three places an agent types in ----
  document.addEventListener('keydown', function (event) {
    if (!event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    var target = { Digit1: kbBox, Digit2: phone, Digit3: content }[event.code];
    if (target) {
      event.preventDefault();
      target.focus();
    }
  });

  // ---- Plumbing ----
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

  // Runs the newest request only: an older answer arriving late must not overwrite a newer one.
  function latest(run) {
    var pending = null;
    return function () {
      if (pending) {
        pending.abort();
      }
      pending = new AbortController();
      var started = run(pending.signal);
      if (started) {
        started.catch(function () { /* aborted by a newer keystroke */ });
      }
    };
  }

  function typing(input, delay, run) {
    var timer = null;
    function later(event) {
      // Half-typed pinyin inside an input method is not yet what the agent means.
      if (event && event.isComposing) {
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(run, delay);
    }
    input.addEventListener(input.tagName === 'SELECT' ? 'change' : 'input', later);
    input.addEventListener('compositionend', function () { later(); });
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

  function say(id, text) {
    byId(id).textContent = text;
  }

  function byId(id) {
    return document.getElementById(id);
  }

  function meta(name) {
    var tag = document.querySelector('meta[name="' + name + '"]');
    return tag ? tag.getAttribute('content') : '';
  }
}());
