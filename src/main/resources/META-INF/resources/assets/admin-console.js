// The administrator's console: accounts and department membership, routing rules, reply limits and the
// holiday calendar, the audit log. Same-origin fetch with the session cookie; every state-changing call sends
// the page's CSRF token as a header (see web/CsrfGuard). Everything from the API is set as text only.
(function () {
  'use strict';

  var AUDIT_PAGE_SIZE = 50;
  var call = ConsoleApi.call;
  var el = ConsoleApi.el;
  var byId = ConsoleApi.byId;
  var names = ConsoleApi.names;
  var roleNames = names('role-names');
  var departmentNames = names('department-names');
  var accounts = [];
  var editing = null;
  var resetting = null;
  var auditPage = 0;

  // ---- Accounts ----
  var accountForm = byId('account-form');
  var passwordForm = byId('password-form');

  byId('account-filter').addEventListener('submit', function (event) {
    event.preventDefault();
    loadAccounts();
  });

  function loadAccounts() {
    var query = new URLSearchParams();
    ['role', 'department'].forEach(function (name) {
      var value = byId('filter-' + name).value;
      if (value) {
        query.set(name, value);
      }
    });
    return call('GET', '/api/admin/accounts?' + query).then(function (r) {
      if (!r.ok) {
        say('accounts-status', problemText(r, '无法读取账号列表。'));
        return;
      }
      say('accounts-status', '共 ' + r.body.length + ' 个账号');
      showAccounts(r.body);
    });
  }

  function showAccounts(list) {
    var rows = byId('account-rows');
    rows.replaceChildren();
    list.forEach(function (a) {
      var row = el('tr', a.disabled ? 'disabled' : null);
      row.dataset.username = a.username;
      row.appendChild(el('td', null, a.username));
      row.appendChild(el('td', null, a.displayName));
      row.appendChild(el('td', null, roleNames[a.role] || a.role));
      row.appendChild(el('td', null, a.departmentName || ''));
      row.appendChild(el('td', 'state', a.disabled ? '已停用' : '正常'));
      var actions = el('td', 'actions');
      actions.appendChild(button('编辑', 'edit', function () { startEdit(a); }));
      actions.appendChild(button(a.disabled ? '启用' : '停用', a.disabled ? 'enable' : 'disable', function () {
        setDisabled(a, !a.disabled);
      }));
      actions.appendChild(button('重置密码', 'reset', function () { startReset(a); }));
      row.appendChild(actions);
      rows.appendChild(row);
    });
  }

  function setDisabled(account, disabled) {
    var verb = disabled ? '停用' : '启用';
    if (disabled && !window.confirm('停用账号 ' + account.username + '？该账号将无法登录，已打开的页面也会立即失效。')) {
      return;
    }
    call('POST', '/api/admin/accounts/' + encodeURIComponent(account.username) + '/' + (disabled ? 'disable' : 'enable'))
      .then(function (r) {
        say('accounts-status', r.ok ? '已' + verb + '账号 ' + account.username : problemText(r, verb + '失败。'));
        refreshAccounts();
      });
  }

  function startEdit(account) {
    editing = account.username;
    clearErrors(accountForm);
    byId('account-form-title').textContent = '编辑账号：' + account.username;
    byId('acc-username').value = account.username;
    byId('acc-username').disabled = true;
    byId('acc-display').value = account.displayName;
    byId('acc-role').value = account.role;
    byId('acc-department').value = account.department || '';
    byId('acc-password-field').hidden = true;
    byId('account-save').textContent = '保存修改';
    byId('account-cancel').hidden = false;
    say('account-form-notice', '');
    byId('acc-display').focus();
  }

  function stopEdit() {
    editing = null;
    accountForm.reset();
    clearErrors(accountForm);
    byId('account-form-title').textContent = '新建账号';
    byId('acc-username').disabled = false;
    byId('acc-password-field').hidden = false;
    byId('account-save').textContent = '创建账号';
    byId('account-cancel').hidden = true;
  }

  byId('account-cancel').addEventListener('click', stopEdit);

  accountForm.addEventListener('submit', function (event) {
    event.preventDefault();
    clearErrors(accountForm);
    var body = { displayName: byId('acc-display').value, role: byId('acc-role').value,
      department: byId('acc-department').value || null };
    var request;
    if (editing) {
      request = call('PUT', '/api/admin/accounts/' + encodeURIComponent(editing), body);
    } else {
      body.username = byId('acc-username').value.trim();
      body.password = byId('acc-password').value;
      request = call('POST', '/api/admin/accounts', body);
    }
    request.then(function (r) {
      if (!r.ok) {
        showProblem(accountForm, 'account-form-error', r);
        return;
      }
      var done = (editing ? '已保存账号 ' : '已创建账号 ') + r.body.username;
      stopEdit();
      say('account-form-notice', done);
      refreshAccounts();
    });
  });

  function startReset(account) {
    resetting = account.username;
    clearErrors(passwordForm);
    passwordForm.reset();
    byId('password-user').textContent = account.username;
    passwordForm.hidden = false;
    byId('new-password').focus();
  }

  byId('password-cancel').addEventListener('click', function () { passwordForm.hidden = true; });

  passwordForm.addEventListener('submit', function (event) {
    event.preventDefault();
    clearErrors(passwordForm);
    call('POST', '/api/admin/accounts/' + encodeURIComponent(resetting) + '/password',
      { password: byId('new-password').value }).then(function (r) {
      if (!r.ok) {
        showProblem(passwordForm, 'password-form-error', r);
        return;
      }
      passwordForm.hidden = true;
      say('accounts-status', '已为 ' + resetting + ' 设置新密码');
    });
  });

  // The filtered table and the membership view both follow every change.
  function refreshAccounts() {
    loadAccounts();
    call('GET', '/api/admin/accounts').then(function (r) {
      if (r.ok) {
        accounts = r.body;
        showMembers();
      }
    });
  }

  // ---- Department membership: a view over the accounts ----
  function showMembers() {
    var rows = byId('member-rows');
    rows.replaceChildren();
    Object.keys(departmentNames).forEach(function (code) {
      var row = el('tr');
      row.dataset.department = code;
      row.appendChild(el('th', null, departmentNames[code]));
      var cell = el('td');
      var members = accounts.filter(function (a) { return a.department === code; });
      if (!members.length) {
        cell.appendChild(el('span', 'muted', '暂无经办人账号'));
      }
      members.forEach(function (a) {
        cell.appendChild(el('span', a.disabled ? 'member disabled' : 'member',
          a.displayName + '（' + a.username + (a.disabled ? '，已停用' : '') + '）'));
      });
      row.appendChild(cell);
      rows.appendChild(row);
    });
  }

  // ---- Routing rules ----
  function loadRules() {
    call('GET', '/api/routing/rules').then(function (r) {
      if (!r.ok) {
        showBox('routing-error', problemText(r, '无法读取派单规则。'));
        return;
      }
      byId('rule-rows').replaceChildren();
      r.body.forEach(addRuleRow);
    });
  }

  function addRuleRow(rule) {
    var row = el('tr', 'rule');
    row.appendChild(el('td', 'index'));
    row.appendChild(inputCell('keyword', rule.keyword, '关键词'));
    row.appendChild(inputCell('category', rule.category, '分类'));
    var select = el('select');
    select.name = 'department';
    select.setAttribute('aria-label', '部门');
    select.appendChild(option('', '请选择'));
    Object.keys(departmentNames).forEach(function (code) { select.appendChild(option(code, departmentNames[code])); });
    select.value = rule.department || '';
    var cell = el('td');
    cell.appendChild(select);
    row.appendChild(cell);
    var weight = inputCell('weight', rule.weight === undefined ? 1 : rule.weight, '权重');
    weight.firstChild.type = 'number';
    weight.firstChild.step = '0.1';
    weight.firstChild.min = '0';
    weight.firstChild.max = '10';
    row.appendChild(weight);
    var last = el('td');
    last.appendChild(button('删除', 'remove', function () { row.remove(); numberRules(); }));
    row.appendChild(last);
    var errorRow = el('tr', 'rule-error');
    var errorCell = el('td', 'field-error');
    errorCell.colSpan = 6;
    errorCell.setAttribute('role', 'alert');
    errorRow.appendChild(errorCell);
    row.errorCell = errorCell;
    byId('rule-rows').appendChild(row);
    byId('rule-rows').appendChild(errorRow);
    numberRules();
  }

  function ruleRows() {
    return Array.prototype.slice.call(byId('rule-rows').querySelectorAll('tr.rule'));
  }

  function numberRules() {
    byId('rule-rows').querySelectorAll('tr.rule-error').forEach(function (errorRow) {
      if (!errorRow.previousElementSibling || !errorRow.previousElementSibling.classList.contains('rule')) {
        errorRow.remove();
      }
    });
    ruleRows().forEach(function (row, i) { row.firstChild.textContent = String(i + 1); });
  }

  byId('rule-add').addEventListener('click', function () {
    addRuleRow({});
    var rows = ruleRows();
    rows[rows.length - 1].querySelector('input').focus();
  });

  byId('rule-save').addEventListener('click', function () {
    var rows = ruleRows();
    hideBox('routing-error');
    say('routing-notice', '');
    rows.forEach(function (row) { markRow(row, ''); });
    var body = rows.map(function (row) {
      var weight = row.querySelector('[name=weight]').value.trim();
      return { keyword: row.querySelector('[name=keyword]').value, category: row.querySelector('[name=category]').value,
        department: row.querySelector('[name=department]').value, weight: weight === '' ? null : Number(weight) };
    });
    call('PUT', '/api/routing/rules', body).then(function (r) {
      if (r.ok) {
        say('routing-notice', '已保存 ' + r.body.length + ' 条派单规则，新的派单建议立即按此计算。');
        return;
      }
      var placed = false;
      (r.body && r.body.errors || []).forEach(function (e) {
        var m = /^\[(\d+)\]/.exec(e.field || '');
        if (m && rows[Number(m[1])]) {
          markRow(rows[Number(m[1])], '第 ' + (Number(m[1]) + 1) + ' 条：' + e.message);
          placed = true;
        }
      });
      if (!placed) {
        showBox('routing-error', problemText(r, '保存失败。'));
      } else {
        showBox('routing-error', '有规则需要修改，见标红的行；所有规则都未保存。');
      }
    });
  });

  function markRow(row, message) {
    row.errorCell.textContent = message;
    row.setAttribute('aria-invalid', message ? 'true' : 'false');
    row.classList.toggle('invalid', !!message);
  }

  // ---- Reply limits ----
  function loadLimits() {
    call('GET', '/api/admin/time-limits').then(function (r) {
      if (!r.ok) {
        showBox('limits-error', problemText(r, '无法读取答复时限。'));
        return;
      }
      var rows = byId('limit-rows');
      rows.replaceChildren();
      r.body.forEach(function (limit) {
        var row = el('tr');
        row.dataset.type = limit.type;
        row.appendChild(el('th', null, limit.label));
        row.appendChild(el('td', null, limit.configured));
        row.appendChild(el('td', limit.overrideWorkingDays ? 'overridden' : null,
          limit.effective + (limit.overrideWorkingDays ? '（已调整）' : '')));
        row.appendChild(el('td', null, limit.urgent || '同普通件'));
        var cell = el('td');
        var input = el('input');
        input.type = 'number';
        input.min = '1';
        input.max = '60';
        input.name = 'workingDays';
        input.setAttribute('aria-label', limit.label + '答复时限（工作日）');
        input.value = limit.overrideWorkingDays || '';
        cell.appendChild(input);
        var error = el('p', 'field-error');
        error.setAttribute('role', 'alert');
        cell.appendChild(error);
        row.appendChild(cell);
        var actions = el('td', 'actions');
        actions.appendChild(button('保存', 'save', function () {
          error.textContent = '';
          input.setAttribute('aria-invalid', 'false');
          var days = input.value.trim();
          call('PUT', '/api/admin/time-limits/' + limit.type, { workingDays: days === '' ? null : Number(days) })
            .then(function (res) {
              if (!res.ok) {
                error.textContent = fieldMessage(res, 'workingDays') || problemText(res, '保存失败。');
                input.setAttribute('aria-invalid', 'true');
                return;
              }
              loadLimits();
            });
        }));
        if (limit.overrideWorkingDays) {
          actions.appendChild(button('恢复配置值', 'reset', function () {
            call('DELETE', '/api/admin/time-limits/' + limit.type).then(function (res) {
              if (!res.ok) {
                showBox('limits-error', problemText(res, '恢复失败。'));
              }
              loadLimits();
            });
          }));
        }
        row.appendChild(actions);
        rows.appendChild(row);
      });
    });
  }

  // ---- Holiday calendar ----
  var dayForm = byId('day-form');
  byId('calendar-year').value = String(new Date().getFullYear());
  byId('calendar-filter').addEventListener('submit', function (event) {
    event.preventDefault();
    loadDays();
  });

  function loadDays() {
    var year = byId('calendar-year').value.trim();
    call('GET', '/api/admin/calendar' + (year ? '?year=' + encodeURIComponent(year) : '')).then(function (r) {
      var rows = byId('day-rows');
      rows.replaceChildren();
      if (!r.ok) {
        say('calendar-covered', problemText(r, '无法读取节假日。'));
        return;
      }
      say('calendar-covered', r.body.coveredUntil ? '节假日数据覆盖到 ' + r.body.coveredUntil
        : '没有任何节假日数据：按周一至周五计算。');
      if (!r.body.days.length) {
        var empty = el('tr');
        var cell = el('td', 'muted', '该年没有节假日数据，按周一至周五计算工作日。');
        cell.colSpan = 5;
        empty.appendChild(cell);
        rows.appendChild(empty);
      }
      r.body.days.forEach(function (day) {
        var row = el('tr', day.source === 'ADMIN' ? 'admin-day' : null);
        row.dataset.date = day.date;
        row.appendChild(el('td', null, day.date + ' ' + weekday(day.date)));
        row.appendChild(el('td', day.kind === 'HOLIDAY' ? 'holiday' : 'workday', day.kind === 'HOLIDAY' ? '放假' : '调休上班'));
        row.appendChild(el('td', null, day.name));
        row.appendChild(el('td', null, day.source === 'ADMIN'
          ? '管理员设置（' + day.updatedBy + '）' + (day.replaces ? '，替代配置：' + day.replaces : '')
          : '配置文件'));
        var actions = el('td');
        if (day.source === 'ADMIN') {
          actions.appendChild(button('删除', 'remove', function () {
            call('DELETE', '/api/admin/calendar/' + day.date).then(function (res) {
              say('day-form-notice', res.ok ? '已删除 ' + day.date + ' 的设置' : problemText(res, '删除失败。'));
              loadDays();
            });
          }));
        }
        row.appendChild(actions);
        rows.appendChild(row);
      });
    });
  }

  dayForm.addEventListener('submit', function (event) {
    event.preventDefault();
    clearErrors(dayForm);
    say('day-form-notice', '');
    var body = { date: byId('day-date').value, kind: byId('day-kind').value, name: byId('day-name').value };
    call('POST', '/api/admin/calendar', body).then(function (r) {
      if (!r.ok) {
        showProblem(dayForm, 'day-form-error', r);
        return;
      }
      say('day-form-notice', '已添加 ' + r.body.date + ' ' + r.body.name + '，新派单的期限立即按此计算。');
      dayForm.reset();
      byId('calendar-year').value = r.body.date.substring(0, 4);
      loadDays();
    });
  });

  // ---- Audit log ----
  byId('audit-filter').addEventListener('submit', function (event) {
    event.preventDefault();
    auditPage = 0;
    loadAudit();
  });
  byId('audit-prev').addEventListener('click', function () { auditPage -= 1; loadAudit(); });
  byId('audit-next').addEventListener('click', function () { auditPage += 1; loadAudit(); });

  function loadAudit() {
    var query = new URLSearchParams({ page: String(auditPage), size: String(AUDIT_PAGE_SIZE) });
    ['actor', 'action', 'from', 'to'].forEach(function (name) {
      var value = byId('audit-' + name).value.trim();
      if (value) {
        query.set(name, value);
      }
    });
    call('GET', '/api/audit?' + query).then(function (r) {
      var rows = byId('audit-rows');
      rows.replaceChildren();
      if (!r.ok) {
        say('audit-status', problemText(r, '无法读取审计日志。'));
        return;
      }
      var pages = Math.max(1, Math.ceil(r.body.total / AUDIT_PAGE_SIZE));
      say('audit-status', '共 ' + r.body.total + ' 条，第 ' + (auditPage + 1) + ' / ' + pages + ' 页');
      r.body.items.forEach(function (e) {
        var row = el('tr');
        [new Date(e.at).toLocaleString('zh-CN', { hour12: false }), e.actor, roleNames[e.role] || e.role || '',
          e.action, e.target || '', e.note || '', e.clientAddress || ''].forEach(function (text) {
          row.appendChild(el('td', null, text));
        });
        rows.appendChild(row);
      });
      byId('audit-prev').disabled = auditPage === 0;
      byId('audit-next').disabled = auditPage + 1 >= pages;
    });
  }

  // ---- Problems beside their fields ----
  function showProblem(form, boxId, r) {
    var unplaced = [];
    (r.body && r.body.errors || []).forEach(function (e) {
      if (!fieldError(form, e.field, e.message)) {
        unplaced.push(e.message);
      }
    });
    if (!(r.body && r.body.errors && r.body.errors.length) || unplaced.length) {
      showBox(boxId, unplaced.length ? unplaced.join(' ') : problemText(r, '操作失败，请稍后重试。'));
    }
  }

  function fieldError(form, field, message) {
    return ConsoleApi.errors(form, null).field(field, message);
  }

  function clearErrors(form) {
    form.querySelectorAll('[data-error-for]').forEach(function (slot) { fieldError(form, slot.dataset.errorFor, ''); });
    form.querySelectorAll('.form-error').forEach(function (box) { box.hidden = true; });
  }

  function fieldMessage(r, field) {
    var hit = (r.body && r.body.errors || []).filter(function (e) { return e.field === field; })[0];
    return hit ? hit.message : null;
  }

  function problemText(r, fallback) {
    return r.body && r.body.detail ? r.body.detail : fallback;
  }

  function showBox(id, text) {
    byId(id).textContent = text;
    byId(id).hidden = false;
  }

  function hideBox(id) {
    byId(id).hidden = true;
  }

  // ---- Plumbing ----

  function weekday(date) {
    return '周' + '日一二三四五六'.charAt(new Date(date + 'T00:00:00').getDay());
  }

  function inputCell(name, value, label) {
    var cell = el('td');
    var input = el('input');
    input.name = name;
    input.setAttribute('aria-label', label);
    input.value = value === undefined || value === null ? '' : String(value);
    cell.appendChild(input);
    return cell;
  }

  function option(value, text) {
    var node = el('option', null, text);
    node.value = value;
    return node;
  }

  function button(text, className, onClick) {
    var node = el('button', 'link ' + className, text);
    node.type = 'button';
    node.addEventListener('click', onClick);
    return node;
  }



  function say(id, text) {
    byId(id).textContent = text;
  }



  refreshAccounts();
  loadRules();
  loadLimits();
  loadDays();
  loadAudit();
}());
