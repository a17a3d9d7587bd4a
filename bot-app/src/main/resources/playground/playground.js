// The playground page: renders the fake Slack channel, the fake Teams channel (two people's views)
// and the end user's phone, and sends what you do through the bot's real endpoints.
(function () {
  'use strict';

  const TINA_TEAMS = { id: '29:playground-tina', name: 'Tina Tech' };
  const OSCAR_TEAMS = { id: '29:playground-oscar', name: 'Oscar Other' };
  const CARD = 'application/vnd.microsoft.card.adaptive';
  const $ = (id) => document.getElementById(id);

  let last = { slack: [], teams: [], outbox: [] };
  const techViews = new Map();    // activity id -> { key, card } (Tina's refreshed personal view)
  const pendingRefresh = new Set();

  // ---------- plumbing ----------
  async function postJson(url, body, headers) {
    const r = await fetch(url, {
      method: 'POST', headers: Object.assign({ 'Content-Type': 'application/json' }, headers || {}),
      body: JSON.stringify(body)
    });
    const text = await r.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = { text }; }
    return { status: r.status, json };
  }

  let refreshTimer = null;
  function scheduleRefresh() {
    if (refreshTimer) return;
    refreshTimer = setTimeout(() => { refreshTimer = null; refresh(); }, 60);
  }

  async function refresh() {
    try {
      const s = await (await fetch('/playground/state', { cache: 'no-store' })).json();
      last = s;
      renderSlack(s.slack);
      renderTeams(s.teams);
      renderInbox(s.outbox);
      await renderPhone(s.outbox);
    } catch (e) {
      console.error(e);
    }
  }

  function connect() {
    const es = new EventSource('/playground/stream');
    es.addEventListener('open', () => $('live').classList.remove('off'));
    es.addEventListener('changed', scheduleRefresh);
    es.addEventListener('error', () => $('live').classList.add('off'));
  }

  function el(tag, cls, html) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (html !== undefined) e.innerHTML = html;
    return e;
  }

  function keepScroll(container, fill) {
    const atBottom = container.scrollHeight - container.scrollTop - container.clientHeight < 40;
    const top = container.scrollTop;
    fill();
    container.scrollTop = atBottom ? container.scrollHeight : top;
  }

  function time(iso) {
    try { return new Date(iso).toLocaleTimeString(); } catch (e) { return ''; }
  }

  // ---------- Slack ----------
  function slackUser() {
    const [id, username, name] = $('slack-user').value.split('|');
    return { id, username, name };
  }

  function renderSlack(messages) {
    const me = slackUser().id;
    const visible = messages.filter((m) => !m.visibleTo || m.visibleTo === me);
    const roots = visible.filter((m) => !m.threadTs);
    const replies = visible.filter((m) => m.threadTs);
    const box = $('slack-messages');
    keepScroll(box, () => {
      box.innerHTML = '';
      if (!roots.length) box.appendChild(el('div', 'empty', 'Type a command below to start.'));
      for (const m of roots) {
        const node = slackMessage(m);
        const mine = replies.filter((r) => r.threadTs === m.ts);
        if (mine.length) {
          const d = el('details', 'thread');
          d.open = true;
          d.setAttribute('data-testid', 'slack-thread');
          d.appendChild(el('summary', '', mine.length + (mine.length === 1 ? ' reply' : ' replies')));
          mine.forEach((r) => d.appendChild(slackMessage(r)));
          node.appendChild(d);
        }
        box.appendChild(node);
      }
    });
  }

  function slackMessage(m) {
    const node = el('div', 'msg' + (m.visibleTo ? ' ephemeral' : ''));
    node.dataset.ts = m.ts;
    const bot = !m.visibleTo || !m.text.startsWith('/');
    const who = m.visibleTo && m.text.startsWith('/') ? slackUser().name : 'Helpdesk Verify';
    node.appendChild(el('div', 'who', Mrkdwn.escapeHtml(who) + '<span class="when">' + time(m.at) + '</span>'));
    if (m.visibleTo) node.appendChild(el('div', 'only', 'Only visible to you'));
    if (m.blocks && m.blocks.length && bot) {
      node.appendChild(renderBlocks(m.blocks, m));
    } else {
      node.appendChild(el('div', 'text', Mrkdwn.toHtml(m.text)));
    }
    return node;
  }

  function textOf(t) {
    if (!t) return '';
    return t.type === 'mrkdwn' ? Mrkdwn.toHtml(t.text) : Mrkdwn.plain(t.text);
  }

  function renderBlocks(blocks, m) {
    const wrap = el('div', 'blocks');
    for (const b of blocks) {
      if (b.type === 'header') {
        wrap.appendChild(el('div', 'blk-header', textOf(b.text)));
      } else if (b.type === 'section') {
        const s = el('div', 'blk-section');
        const left = el('div');
        if (b.text) left.appendChild(el('div', '', textOf(b.text)));
        if (b.fields) {
          const f = el('div', 'blk-fields');
          b.fields.forEach((x) => f.appendChild(el('div', '', textOf(x))));
          left.appendChild(f);
        }
        s.appendChild(left);
        if (b.accessory) s.appendChild(slackElement(b.accessory, b, m));
        wrap.appendChild(s);
      } else if (b.type === 'context') {
        wrap.appendChild(el('div', 'blk-context', (b.elements || []).map(textOf).join(' ')));
      } else if (b.type === 'divider') {
        wrap.appendChild(el('hr', 'blk-divider'));
      } else if (b.type === 'actions') {
        const a = el('div', 'blk-actions');
        (b.elements || []).forEach((x) => a.appendChild(slackElement(x, b, m)));
        wrap.appendChild(a);
      }
    }
    return wrap;
  }

  function slackElement(x, block, m) {
    if (x.type === 'button') {
      const btn = el('button', x.style || 'secondary', Mrkdwn.plain(x.text && x.text.text));
      btn.dataset.actionId = x.action_id;
      btn.addEventListener('click', () => {
        const send = () => slackAction(m, block, x.action_id, x.value || '', false);
        if (!x.confirm) return send();
        const c = el('div', 'confirm');
        c.appendChild(el('div', '', '<strong>' + Mrkdwn.plain(x.confirm.title && x.confirm.title.text) + '</strong> ' +
          textOf(x.confirm.text)));
        const yes = el('button', x.confirm.style || 'danger', Mrkdwn.plain(x.confirm.confirm && x.confirm.confirm.text));
        yes.dataset.confirm = 'yes';
        const no = el('button', 'secondary', Mrkdwn.plain(x.confirm.deny && x.confirm.deny.text));
        yes.addEventListener('click', () => { c.remove(); send(); });
        no.addEventListener('click', () => c.remove());
        c.appendChild(yes); c.appendChild(no);
        btn.parentNode.appendChild(c);
      });
      return btn;
    }
    if (x.type === 'static_select') {
      const sel = el('select');
      sel.appendChild(el('option', '', Mrkdwn.plain(x.placeholder && x.placeholder.text) || 'Choose…'));
      (x.options || []).forEach((o) => {
        const opt = el('option', '', Mrkdwn.plain(o.text.text));
        opt.value = o.value;
        sel.appendChild(opt);
      });
      sel.dataset.actionId = x.action_id;
      sel.addEventListener('change', () => slackAction(m, block, x.action_id, sel.value, true));
      return sel;
    }
    return el('span');
  }

  async function slackAction(m, block, actionId, value, selected) {
    const u = slackUser();
    await postJson('/playground/slack/action', {
      messageTs: m.ts, actionId, blockId: block.block_id || '', value, selected,
      ephemeral: !!m.visibleTo, userId: u.id, userName: u.username
    });
    scheduleRefresh();
  }

  $('slack-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const u = slackUser();
    const text = $('slack-input').value.trim();
    if (!text) return;
    await postJson('/playground/slack/command', { text, userId: u.id, userName: u.username });
    scheduleRefresh();
  });
  $('slack-user').addEventListener('change', () => renderSlack(last.slack));

  // ---------- Teams ----------
  function renderTeams(activities) {
    const threads = new Map();
    for (const a of activities) {
      if (!threads.has(a.conversationId)) threads.set(a.conversationId, []);
      threads.get(a.conversationId).push(a);
    }
    for (const [box, who] of [[$('teams-tech'), TINA_TEAMS], [$('teams-observer'), OSCAR_TEAMS]]) {
      keepScroll(box, () => {
        box.innerHTML = '';
        if (!threads.size) box.appendChild(el('div', 'empty', 'Type a command below to start.'));
        for (const [conversation, list] of threads) {
          const root = list.find((a) => conversation.endsWith(';messageid=' + a.id)) || list[0];
          const thread = el('div', 'teams-thread');
          thread.dataset.conversation = conversation;
          thread.appendChild(teamsActivity(root, who, false));
          list.filter((a) => a !== root).forEach((a) => thread.appendChild(teamsActivity(a, who, true)));
          box.appendChild(thread);
        }
      });
    }
  }

  function teamsActivity(a, viewer, reply) {
    const act = a.activity || {};
    const node = el('div', 'msg' + (reply ? ' reply' : ''));
    node.dataset.activityId = a.id;
    const from = act.from && act.from.name ? act.from.name : 'Helpdesk Verify';
    node.appendChild(el('div', 'who', Mrkdwn.escapeHtml(from) + '<span class="when">' + time(a.at) + '</span>'));
    const card = (act.attachments || []).find((x) => x.contentType === CARD);
    if (card) {
      node.appendChild(renderAdaptive(cardFor(a, card.content, viewer), a, viewer));
    } else if (act.text) {
      node.appendChild(el('div', 'text', Mrkdwn.escapeHtml(act.text.replace(/<\/?at>/g, '')).replace(/\n/g, '<br>')));
    }
    return node;
  }

  // Teams shows a user in refresh.userIds their own view: the client asks the bot with a refresh invoke.
  function cardFor(a, content, viewer) {
    const userIds = content.refresh && content.refresh.userIds;
    if (!userIds || !userIds.includes(viewer.id)) return content;
    const key = JSON.stringify(content);
    const cached = techViews.get(a.id);
    if (cached && cached.key === key) return cached.card;
    if (!pendingRefresh.has(a.id + key)) {
      pendingRefresh.add(a.id + key);
      const action = content.refresh.action || {};
      invoke(a, action.verb || 'refresh', action.data || {}, viewer).then((card) => {
        pendingRefresh.delete(a.id + key);
        if (card) { techViews.set(a.id, { key, card }); renderTeams(last.teams); }
      });
    }
    return cached ? cached.card : content;
  }

  async function invoke(a, verb, data, viewer) {
    const r = await postJson('/playground/teams/invoke', {
      conversationId: a.conversationId, activityId: a.id, verb, data,
      userId: viewer.id, userName: viewer.name
    });
    const body = r.json && r.json.body;
    if (body && body.type === CARD && body.value) return body.value;
    if (body && body.type === 'application/vnd.microsoft.activity.message' && body.value) {
      alert(body.value);
    }
    return null;
  }

  // Teams renders the markdown subset of TextBlocks itself; the JS renderer needs to be told how.
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = Mrkdwn.escapeHtml(text)
      .replace(/\*\*([^*\n]+)\*\*/g, '<strong>$1</strong>')
      .replace(/(^|\s)_([^_\n]+)_(?=\s|$)/g, '$1<em>$2</em>')
      .replace(/\n/g, '<br>');
    result.didProcess = true;
  };

  function renderAdaptive(content, a, viewer) {
    const card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = new AdaptiveCards.HostConfig({ fontFamily: 'Segoe UI, Helvetica, Arial, sans-serif' });
    card.onExecuteAction = async (action) => {
      const verb = action.verb || (action.data && action.data.verb) || '';
      const data = Object.assign({}, action.data || {});
      const updated = await invoke(a, verb, data, viewer);
      const original = ((a.activity.attachments || []).find((x) => x.contentType === CARD) || {}).content;
      if (updated && viewer === TINA_TEAMS) {
        techViews.set(a.id, { key: JSON.stringify(original), card: updated });
      }
      scheduleRefresh();
    };
    try {
      card.parse(content);
      const rendered = card.render();
      rendered.dataset.testid = 'adaptive-card';
      return rendered;
    } catch (e) {
      return el('pre', '', Mrkdwn.escapeHtml(JSON.stringify(content, null, 2)));
    }
  }

  $('teams-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const text = $('teams-input').value.trim();
    if (!text) return;
    await postJson('/playground/teams/message', { text, userId: TINA_TEAMS.id, userName: TINA_TEAMS.name });
    scheduleRefresh();
  });

  // ---------- phone ----------
  function device() {
    const [id, secret, owner] = $('device').value.split('|');
    return { id, secret, owner };
  }

  async function renderPhone(outbox) {
    const d = device();
    const r = await fetch('/api/v1/devices/' + encodeURIComponent(d.id) + '/challenges',
      { headers: { Authorization: 'Bearer ' + d.secret }, cache: 'no-store' });
    const box = $('challenges');
    if (!r.ok) { box.innerHTML = '<div class="empty">The app could not reach the server (' + r.status + ').</div>'; return; }
    const list = await r.json();
    const pushOf = (c) => (outbox || []).find((m) => m.channel === 'PUSH' && m.challengeId === c.challengeId);
    // Re-render only when something changed, so a half-typed code is not wiped by a refresh.
    const signature = list.map((c) => c.challengeId + (pushOf(c) ? '+push' : '')).join(',');
    if (box.dataset.signature === signature) { updateCountdowns(); return; }
    box.dataset.signature = signature;
    box.innerHTML = '';
    if (!list.length) box.appendChild(el('div', 'empty', 'No identity check waiting.'));
    for (const c of list) {
      const push = pushOf(c);
      const n = el('div', 'notification');
      n.dataset.challenge = c.challengeId;
      n.dataset.expires = c.expiresAt;
      n.appendChild(el('h4', '', Mrkdwn.escapeHtml((push && push.subject) || (c.mspName + ': identity check'))));
      n.appendChild(el('div', 'body', Mrkdwn.escapeHtml((push && push.body) ||
        (c.technicianName + ' asks you to confirm it is you.'))));
      n.appendChild(el('div', 'countdown muted', ''));
      let input = null;
      if (c.requiresCode) {
        input = el('input');
        input.placeholder = 'Code ' + c.technicianName + ' reads to you';
        input.inputMode = 'numeric';
        input.setAttribute('aria-label', 'code');
        n.appendChild(input);
      }
      const row = el('div', 'row');
      const approve = el('button', 'primary', 'Approve');
      approve.dataset.answer = 'approve';
      const deny = el('button', 'danger', 'Deny');
      deny.dataset.answer = 'deny';
      approve.addEventListener('click', () => answer(c, 'approve', input && input.value));
      deny.addEventListener('click', () => answer(c, 'deny'));
      row.appendChild(approve); row.appendChild(deny);
      n.appendChild(row);
      box.appendChild(n);
    }
    updateCountdowns();
  }

  function updateCountdowns() {
    document.querySelectorAll('.notification').forEach((n) => {
      const left = Math.max(0, Math.round((new Date(n.dataset.expires) - Date.now()) / 1000));
      n.querySelector('.countdown').textContent = left + ' s left';
    });
    $('clock').textContent = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  async function answer(c, decision, code) {
    const d = device();
    const body = { decision };
    if (code) body.code = code.trim();
    const r = await postJson('/api/v1/challenges/' + encodeURIComponent(c.challengeId) + '/response', body,
      { Authorization: 'Bearer ' + d.secret });
    $('phone-result').textContent = r.status === 200
      ? (decision === 'approve' ? 'Thanks, ' + d.owner.split(' ')[0] + '. You approved.' : 'You denied it. Your IT contact will be told.')
      : ((r.json && r.json.detail) || 'Not accepted (' + r.status + ')');
    $('challenges').innerHTML = '';
    delete $('challenges').dataset.signature;
    scheduleRefresh();
  }

  $('device').addEventListener('change', () => { $('challenges').innerHTML = ''; delete $('challenges').dataset.signature; $('phone-result').textContent = ''; refresh(); });

  function renderInbox(outbox) {
    const box = $('inbox');
    const items = (outbox || []).filter((m) => m.channel !== 'PUSH');
    box.innerHTML = '';
    if (!items.length) box.appendChild(el('div', 'empty', 'No SMS or email yet.'));
    for (const m of items) {
      const kind = m.channel === 'SMS' ? 'SMS' : 'Email';
      const mail = el('div', 'mail');
      mail.dataset.channel = m.channel;
      mail.appendChild(el('div', 'meta', kind + ' to ' + Mrkdwn.escapeHtml(m.to) + ' · ' + time(m.at) +
        (m.subject ? '<br><strong>' + Mrkdwn.escapeHtml(m.subject) + '</strong>' : '')));
      mail.appendChild(el('div', 'body', Mrkdwn.escapeHtml(m.body)));
      box.appendChild(mail);
    }
  }

  $('reset').addEventListener('click', async () => {
    techViews.clear();
    await postJson('/playground/reset', {});
    $('phone-result').textContent = '';
    $('challenges').innerHTML = '';
    delete $('challenges').dataset.signature;
    refresh();
  });

  setInterval(() => { updateCountdowns(); }, 1000);
  setInterval(() => { refresh(); }, 5000);
  connect();
  refresh();
})();
