/*
 * The ticket page inside a PSA (docs/psa.md#the-pod-page). In a ConnectWise Manage pod it speaks
 * the Hosted API over postMessage (ready → MessageFrameID, then getScreenObject and
 * getMemberAuthentication) with the configured Manage origins only, and hands what it got to the
 * bot, which asks ConnectWise whether the member is who the hash says. Opened from an Autotask
 * LiveLink it asks for a one-time code instead. The page session lives in this script's memory
 * only: never in a URL, a cookie or storage.
 */
(function () {
  'use strict';

  var origins = (document.querySelector('meta[name="hv-connectwise-origins"]').content || '')
    .split(/\s+/).filter(Boolean);
  var params = new URLSearchParams(window.location.search);
  var provider = (params.get('provider') || 'connectwise').toLowerCase();
  var session = null;
  var frameId = null;
  var parentOrigin = null;
  var screen = null;
  var member = null;
  var requested = false;
  var current = null;
  var poller = null;
  var DECIDED_BY_TECHNICIAN = ['SMS_CODE', 'EMAIL_CODE', 'PUSH_WITH_CODE'];
  var LABELS = { PUSH: 'Push', PUSH_WITH_CODE: 'Push with code', VERIFIED_PUSH: 'Verified push',
    SMS_CODE: 'SMS code', EMAIL_CODE: 'Email code' };

  function el(id) { return document.getElementById(id); }

  function fail(title, detail) {
    el('wait').hidden = true;
    var box = el('error');
    box.textContent = title + (detail ? ' ' + detail : '');
    box.hidden = false;
  }

  function api(method, path, body) {
    var headers = { 'Accept': 'application/json' };
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    if (session) { headers['Authorization'] = 'Bearer ' + session; }
    return fetch(path, { method: method, headers: headers, credentials: 'omit', cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (r) {
        return r.text().then(function (t) {
          var json = null;
          try { json = t ? JSON.parse(t) : null; } catch (e) { json = null; }
          if (!r.ok) {
            var err = new Error((json && json.title) || ('HTTP ' + r.status));
            err.detail = (json && json.detail) || '';
            err.status = r.status;
            throw err;
          }
          return json;
        });
      });
  }

  function opened(answer) {
    session = answer.session;
    el('wait').hidden = true;
    el('code-form').hidden = true;
    showTicket(answer.ticket);
  }

  function showTicket(t) {
    el('ticket').hidden = false;
    el('ticket-title').textContent = 'Ticket ' + t.number + (t.summary ? ': ' + t.summary : '');
    el('contact').textContent = t.contact || 'Several end users match the contact';
    el('matched').textContent = t.matched === null ? '' : (t.matched ? '(matched: directory contacts)'
      : '(unmatched: contact details from the PSA)');
    list('contacts', t.contacts || []);
    list('remarks', t.remarks || []);
    var picker = el('candidates');
    picker.textContent = '';
    (t.candidates || []).forEach(function (c, i) {
      var label = document.createElement('label');
      var radio = document.createElement('input');
      radio.type = 'radio';
      radio.name = 'candidate';
      radio.value = c.user;
      radio.checked = i === 0;
      label.appendChild(radio);
      label.appendChild(document.createTextNode(' ' + c.name + ' (' + c.user + ')'));
      picker.appendChild(label);
      picker.appendChild(document.createElement('br'));
    });
    var methods = el('methods');
    methods.textContent = '';
    var offered = (t.methods || []).length ? t.methods : (t.candidates && t.candidates.length ? [''] : []);
    offered.forEach(function (m) {
      var b = document.createElement('button');
      b.type = 'button';
      b.setAttribute('data-method', m);
      b.textContent = m ? 'Verify by ' + (LABELS[m] || m) : 'Verify';
      b.addEventListener('click', function () { start(m); });
      methods.appendChild(b);
    });
  }

  function list(id, items) {
    var ul = el(id);
    ul.textContent = '';
    items.forEach(function (x) {
      var li = document.createElement('li');
      li.textContent = x;
      ul.appendChild(li);
    });
  }

  function start(method) {
    var chosen = document.querySelector('input[name="candidate"]:checked');
    var body = {};
    if (method) { body.method = method; }
    if (chosen) { body.user = chosen.value; }
    el('error').hidden = true;
    api('POST', '/api/v1/psa/pod/verifications', body).then(function (v) {
      current = v;
      el('verification').hidden = false;
      el('code').textContent = v.code ? 'Code to compare: ' + v.code : '';
      render(v);
      if (poller) { clearInterval(poller); }
      poller = setInterval(poll, 1500);
    }).catch(function (e) { fail(e.message, e.detail); });
  }

  function poll() {
    if (!current) { return; }
    api('GET', '/api/v1/psa/pod/verifications/' + encodeURIComponent(current.id)).then(render)
      .catch(function (e) { fail(e.message, e.detail); });
  }

  function render(v) {
    current = v;
    el('verification-id').textContent = 'Verification ' + v.id;
    var done = !!v.outcome;
    el('status').textContent = done ? 'Outcome: ' + v.outcome + ' (' + v.state + ')' : 'State: ' + v.state;
    var byTechnician = DECIDED_BY_TECHNICIAN.indexOf(v.method) >= 0;
    el('approve').hidden = done || !byTechnician;
    el('deny').hidden = done || !byTechnician;
    el('cancel').hidden = done;
    if (done) {
      el('code').textContent = '';
      if (poller) { clearInterval(poller); poller = null; }
    }
  }

  function act(path, body) {
    if (!current) { return; }
    api('POST', '/api/v1/psa/pod/verifications/' + encodeURIComponent(current.id) + path, body).then(render)
      .catch(function (e) { fail(e.message, e.detail); });
  }

  el('approve').addEventListener('click', function () { act('/decision', { decision: 'approve' }); });
  el('deny').addEventListener('click', function () { act('/decision', { decision: 'deny' }); });
  el('cancel').addEventListener('click', function () { act('/cancel'); });

  /* ---- ConnectWise Manage Hosted API ---- */

  function toParent(message) {
    if (frameId) { message.frameID = frameId; }
    var text = JSON.stringify(message);
    (parentOrigin ? [parentOrigin] : origins).forEach(function (o) { window.parent.postMessage(text, o); });
  }

  function request(name) {
    toParent({ hosted_request: name });
  }

  function askOnce() {
    if (requested) { return; }
    requested = true;
    request('getScreenObject');
    request('getMemberAuthentication');
  }

  function maybeOpen() {
    if (!screen || !member || session) { return; }
    if (String(screen.screen || '').toLowerCase() !== 'ticket') {
      fail('This pod works on service tickets only.', '');
      return;
    }
    api('POST', '/api/v1/psa/connectwise/pod/sessions', {
      ticketId: String(screen.id), companyId: member.companyid, memberId: member.memberid,
      memberHash: member.memberHash, memberContext: member.memberContext || ''
    }).then(opened).catch(function (e) { fail(e.message, e.detail); });
  }

  function onMessage(event) {
    // Only Manage itself, as configured: another frame or origin cannot feed the page.
    if (event.source !== window.parent || origins.indexOf(event.origin) < 0) { return; }
    var data;
    try { data = typeof event.data === 'string' ? JSON.parse(event.data) : event.data; } catch (e) { return; }
    if (!data || typeof data !== 'object') { return; }
    parentOrigin = event.origin;
    if (data.MessageFrameID) {
      frameId = data.MessageFrameID;
      askOnce();
      return;
    }
    var response = String(data.response || '').toLowerCase();
    if (response === 'getscreenobject' && data.data) {
      screen = data.data;
      maybeOpen();
    } else if (response === 'getmemberauthentication' && data.data) {
      member = data.data;
      maybeOpen();
    } else if (data.event) {
      toParent({ event: data.event, _id: data._id, result: 'success' });
    }
  }

  if (provider === 'connectwise') {
    if (window.parent === window) {
      fail('Open this page from a ticket in ConnectWise Manage.', 'It is a pod of the ticket screen (docs/psa.md).');
    } else if (!origins.length) {
      fail('The ConnectWise pod is not set up.', 'Set CONNECTWISE_URL (or HELPDESK_PSA_POD_CONNECTWISE_ORIGINS) on the bot.');
    } else {
      window.addEventListener('message', onMessage, false);
      toParent({ message: 'ready' });
      // A Manage that never assigns a frame id still answers requests without one.
      setTimeout(askOnce, 2000);
    }
  } else {
    var ticketId = params.get('ticketId') || '';
    el('wait').hidden = true;
    el('code-form').hidden = false;
    el('code-form').addEventListener('submit', function (e) {
      e.preventDefault();
      el('error').hidden = true;
      api('POST', '/api/v1/psa/' + encodeURIComponent(provider) + '/pod/sessions',
        { ticketId: ticketId, code: el('code-input').value }).then(opened)
        .catch(function (err) { fail(err.message, err.detail); });
    });
  }
})();
