// The coordination center's board: opens a supervision case and takes its steps (交办, 督办通知, 备注, 办结, 销号),
// decides extension requests and flagged replies, and draws the charts from the tables the server rendered.
// Same-origin fetch with the session cookie and the page's CSRF token (see web/CsrfGuard). Text from the API
// is only ever set as text: callers' and departments' words must never become markup.
(function () {
  'use strict';

  var CASE_PATHS = { assign: 'assign', notice: 'notice', note: 'notes', resolve: 'resolve', close: 'close' };
  var ACTIONS = { open: '立案', trigger: '新增触发原因', assign: '交办', notice: '发出督办通知', note: '备注',
    respond: '承办单位反馈', resolve: '办结', close: '销号' };
  var TICKET_STATUS = { NEW: '待派单', ANSWERED: '已答复', DISPATCHED: '已派单', ACCEPTED: '已签收', REPLIED: '已答复',
    CLOSED: '已办结', RETURNED: '已退单', REOPENED: '重办' };

  var el = ConsoleApi.el;
  var byId = ConsoleApi.byId;
  var labels = ConsoleApi.names;

  function call(method, url, body, extraHeaders) {
    return ConsoleApi.call(method, url, body, null, extraHeaders);
  }
  var triggers = labels('trigger-labels');
  var statuses = labels('status-labels');
  var departments = labels('department-names');
  var detail = byId('case-detail');
  var current = null;
  var assignForm = detail.querySelector('form[data-action=assign]');
  var assignChoice = assignForm ? ConsoleApi.departmentChoice(assignForm) : null;

  // ---- Supervision cases ----
  document.querySelectorAll('button.open-case').forEach(function (button) {
    button.addEventListener('click', function () { openCase(button.dataset.caseId); });
  });

  function openCase(id) {
    call('GET', '/api/supervision/cases/' + encodeURIComponent(id)).then(function (r) {
      if (!r.ok) {
        window.alert(problemText(r, '无法打开督办件。'));
        return;
      }
      showCase(r.body);
      say('case-result', '');
      detail.focus();
    });
  }

  function showCase(c) {
    current = c;
    detail.hidden = false;
    byId('case-title').textContent = '督办件 #' + c.id + ' · ' + (statuses[c.status] || c.status);
    var facts = byId('case-facts');
    facts.replaceChildren();
    fact(facts, '触发原因', c.triggers.map(function (t) { return triggers[t] || t; }).join('、'));
    fact(facts, '说明', c.reasons.join('；'));
    fact(facts, '区县', c.district || '');
    fact(facts, '诉求', c.summary || '');
    fact(facts, '主办单位', c.leadName || '未交办');
    if (c.co && c.co.length) {
      fact(facts, '协办单位', c.co.map(function (d) { return departments[d] || d; }).join('、'));
    }
    fact(facts, '督办期限', c.deadline ? deadlineDay(c.deadline) + (c.overdue ? '（已超期）' : '') : '');
    if (c.notice) {
      fact(facts, '督办通知', c.notice.text + '（' + localTime(c.notice.issuedAt) + '）');
    }
    var tickets = byId('case-tickets');
    tickets.replaceChildren();
    c.tickets.forEach(function (t) {
      var item = el('li');
      item.appendChild(el('span', 'number', t.number));
      item.appendChild(el('span', 'status', TICKET_STATUS[t.status] || t.status));
      item.appendChild(el('span', 'preview', t.contentPreview));
      tickets.appendChild(item);
    });
    var timeline = byId('case-timeline');
    timeline.replaceChildren();
    c.timeline.forEach(function (e) {
      var item = el('li');
      item.appendChild(el('span', 'number', localTime(e.at)));
      item.appendChild(el('strong', null, ACTIONS[e.action] || e.action));
      item.appendChild(el('span', null, e.actor + (e.department ? ' → ' + (departments[e.department] || e.department) : '')));
      if (e.note) {
        item.appendChild(el('span', 'preview', e.note));
      }
      timeline.appendChild(item);
    });
    detail.querySelectorAll('form.case-action').forEach(function (form) {
      form.hidden = c.allowedActions.indexOf(form.dataset.action) < 0;
      clearErrors(form);
    });
    updateRow(c);
  }

  function fact(list, term, value) {
    list.appendChild(el('dt', null, term));
    list.appendChild(el('dd', null, value));
  }

  function updateRow(c) {
    var row = document.querySelector('#case-queue tr[data-case-id="' + c.id + '"]');
    if (!row) {
      return;
    }
    row.querySelector('.lead').textContent = c.leadName || '未交办';
    row.querySelector('.deadline').textContent = c.deadline ? deadlineDay(c.deadline) : '';
    row.querySelector('.status').textContent = statuses[c.status] || c.status;
  }

  detail.querySelectorAll('form.case-action').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (!current) {
        return;
      }
      var action = form.dataset.action;
      var body = caseBody(form, action);
      if (!body) {
        return;
      }
      send(form, 'POST', '/api/supervision/cases/' + current.id + '/' + CASE_PATHS[action], body).then(function (r) {
        if (r.ok) {
          form.reset();
          if (form === assignForm) {
            assignChoice.reset();
          }
          showCase(r.body);
          say('case-result', form.querySelector('button[type=submit]').textContent + '：已完成。');
        }
      });
    });
  });

  // Checked here first so that an empty field is named at once; the server checks again and names its own.
  function caseBody(form, action) {
    clearErrors(form);
    var value = function (name) { return form.elements[name].value.trim(); };
    if (action === 'assign') {
      var missing = false;
      if (!value('lead')) {
        fieldError(form, 'lead', '请选择主办单位。');
        missing = true;
      }
      if (!value('deadline')) {
        fieldError(form, 'deadline', '请填写督办期限。');
        missing = true;
      }
      return missing ? null : { lead: value('lead'), co: assignChoice.co(), deadline: value('deadline'),
        note: value('note') || null };
    }
    if (action === 'notice' || action === 'note') {
      if (!value('text')) {
        fieldError(form, 'text', '内容不能为空。');
        return null;
      }
      return { text: value('text') };
    }
    return { note: value('note') || null };
  }

  // ---- Extension requests ----
  document.querySelectorAll('form.extension-form').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var item = form.closest('.extension');
      var approve = event.submitter && event.submitter.dataset.approve === 'true';
      clearErrors(form);
      send(form, 'POST', '/api/tickets/' + item.dataset.ticketId + '/extension-decision',
        { department: item.dataset.department, approve: approve, note: form.elements.note.value.trim() || null },
        { 'Idempotency-Key': key() }).then(function (r) {
        if (r.ok) {
          decided(item, approve ? '已同意延期。' : '已不同意延期。');
        }
      });
    });
  });

  // ---- Flagged replies ----
  document.querySelectorAll('form.flag-form').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var item = form.closest('.flag');
      var sendBack = event.submitter && event.submitter.dataset.decision === 'send-back';
      var text = form.elements.reason.value.trim();
      clearErrors(form);
      if (sendBack && !text) {
        fieldError(form, 'reason', '退回重新答复必须说明理由。');
        return;
      }
      send(form, 'POST', '/api/supervision/reply-flags/' + item.dataset.flagId + (sendBack ? '/send-back' : '/accept'),
        sendBack ? { reason: text } : { note: text || null }).then(function (r) {
        if (r.ok) {
          decided(item, sendBack ? '已退回承办单位重新答复。' : '已认可该答复。');
        }
      });
    });
  });

  function decided(item, text) {
    var form = item.querySelector('form');
    form.replaceWith(el('p', 'form-notice decided', text));
  }

  // ---- Charts, drawn from the rendered tables so that figures and charts can never disagree ----
  if (window.echarts) {
    var figures = Array.prototype.slice.call(document.querySelectorAll('#figures-table tbody tr'))
      .filter(function (row) { return Number(row.dataset.dispatched) > 0; });
    var names = figures.map(function (row) { return row.dataset.department; });
    var series = function (name, key) {
      return { name: name, type: 'bar', data: figures.map(function (row) { return percent(row.dataset[key]); }) };
    };
    chart('rates-chart', '三率', names, [series('响应率', 'response'), series('解决率', 'resolution'),
      series('满意率', 'satisfaction')], true);
    chart('timeliness-chart', '按时答复率与退单率', names, [series('按时答复率', 'repliedOnTime'),
      series('退单率', 'returned')], true);
    var hot = Array.prototype.slice.call(document.querySelectorAll('#hot-largest tbody tr[data-reports]'));
    chart('hot-chart', '诉求最多的问题', hot.map(function (row) { return row.dataset.label; }),
      [{ name: '诉求数', type: 'bar', data: hot.map(function (row) { return Number(row.dataset.reports); }) }], false);
  }

  function chart(id, title, categories, series, rates) {
    var box = byId(id);
    if (!categories.length) {
      box.replaceChildren(el('p', 'muted', title + '：统计期间没有数据。'));
      box.classList.add('empty');
      return;
    }
    var drawn = window.echarts.init(box, null, { renderer: 'canvas' });
    drawn.setOption({
      title: { text: title, textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', valueFormatter: rates ? function (v) { return v == null ? '—' : v + '%'; } : undefined },
      legend: { top: 0, right: 0 },
      grid: { left: 48, right: 16, bottom: 72, top: 48 },
      xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: 30, fontSize: 11 } },
      yAxis: rates ? { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } } : { type: 'value', minInterval: 1 },
      series: series
    });
    window.addEventListener('resize', function () { drawn.resize(); });
  }

  function percent(value) {
    return value === '' || value === undefined ? null : Math.round(Number(value) * 1000) / 10;
  }

  // ---- Plumbing ----
  // Sends one form's request: its button waits, and a refusal lands beside the field it names.
  function send(form, method, url, body, extraHeaders) {
    var buttons = form.querySelectorAll('button');
    buttons.forEach(function (b) { b.disabled = true; });
    return call(method, url, body, extraHeaders).then(function (r) {
      buttons.forEach(function (b) { b.disabled = false; });
      if (!r.ok) {
        showProblem(form, r);
      }
      return r;
    });
  }

  function showProblem(form, r) {
    var problem = r.body || {};
    var placed = false;
    (problem.errors || []).forEach(function (e) {
      placed = fieldError(form, e.field, e.message) || placed;
    });
    if (!placed) {
      var general = form.querySelector('.form-error');
      general.textContent = problemText(r, '提交失败（' + r.status + '），请稍后重试。');
      general.hidden = false;
    }
  }

  function problemText(r, fallback) {
    return r.body && r.body.detail ? r.body.detail : fallback;
  }

  function fieldError(form, field, message) {
    return ConsoleApi.errors(form, null).field(field, message);
  }

  function clearErrors(form) {
    form.querySelectorAll('[data-error-for]').forEach(function (slot) { fieldError(form, slot.dataset.errorFor, ''); });
    var general = form.querySelector('.form-error');
    if (general) {
      general.hidden = true;
    }
  }


  // One key per decision: a retried request after a timeout cannot decide twice.
  function key() {
    return window.crypto && crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random();
  }

  // City time wherever the browser is, as the server renders it: deadlines are the city's working days.
  var CITY_TIME = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit' });

  function localTime(iso) {
    return CITY_TIME.format(new Date(iso));
  }

  // A deadline is stored as the moment its day ends, the next midnight: shown as the day itself.
  function deadlineDay(iso) {
    return CITY_TIME.format(new Date(new Date(iso).getTime() - 1)).slice(0, 10);
  }



  function say(id, text) {
    var node = byId(id);
    if (node) {
      node.textContent = text;
    }
  }


}());
