// The self-serve app: the reference client of the mobile-app API (docs/app.md, the OpenAPI
// document's "Mobile app" tag). Vanilla JS on purpose: no build step, nothing from another origin.
'use strict';

(() => {
  const DEVICE_KEY = 'hv.device';
  const TOKEN_KEY = 'hv.fcmToken';
  const OUTCOMES = {
    VERIFIED: ['Identity verified', 'verified'],
    UNABLE_TO_VERIFY: ['Unable to verify', 'unable'],
    EXPIRED: ['Expired', 'expired'],
    FAILED: ['Unable to verify', 'unable'],
    CANCELLED: ['Cancelled', 'unable'],
  };

  const $ = (id) => document.getElementById(id);
  let config = { mspName: 'your IT service provider', pollSeconds: 3 };
  let registration = null;
  let current = null; // the challenge on screen: {challengeId, method, expiresAt, technicianName, ...}
  let answered = null; // a challenge answered here and waiting for its outcome (push + code)
  let wanted = null; // a challenge id a notification click asked for
  let pollTimer = null;
  let tickTimer = null;

  // ---------- storage: the device credentials stay in this origin's storage, never in a URL ----------

  function device() {
    try {
      return JSON.parse(localStorage.getItem(DEVICE_KEY) || 'null');
    } catch (e) {
      return null;
    }
  }

  function forgetDevice() {
    localStorage.removeItem(DEVICE_KEY);
    localStorage.removeItem(TOKEN_KEY);
  }

  /** What the service worker kept of a push (the code of a push + code lives only there). */
  function pushData(challengeId) {
    return new Promise((resolve) => {
      if (!('indexedDB' in self)) {
        resolve(null);
        return;
      }
      const open = indexedDB.open('hv-app', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('pushes');
      open.onerror = () => resolve(null);
      open.onsuccess = () => {
        const db = open.result;
        const get = db.transaction('pushes').objectStore('pushes').get(challengeId);
        get.onsuccess = () => resolve(get.result || null);
        get.onerror = () => resolve(null);
      };
    });
  }

  // ---------- the API ----------

  class ApiError extends Error {
    constructor(status, problem) {
      super(problem.detail || problem.title || ('HTTP ' + status));
      this.status = status;
      this.problem = problem;
    }
  }

  async function api(method, path, body) {
    const headers = { Accept: 'application/json' };
    const d = device();
    // Every call but the enrolment itself (whose credential is the one-time token in the body).
    if (d && !(method === 'POST' && path === '/api/v1/devices')) {
      headers.Authorization = 'Bearer ' + d.deviceSecret;
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit', cache: 'no-store',
    });
    const text = await response.text();
    const json = text ? JSON.parse(text) : {};
    if (!response.ok) {
      throw new ApiError(response.status, json);
    }
    return json;
  }

  /** 401 with a device: it was revoked (or its secret is gone); the user must enrol again. */
  function handleAuthFailure(e) {
    if (e instanceof ApiError && e.status === 401 && device()) {
      forgetDevice();
      $('revoked-detail').textContent = e.message;
      show('screen-revoked');
      stopPolling();
      return true;
    }
    return false;
  }

  // ---------- screens ----------

  function show(id) {
    document.querySelectorAll('[data-screen]').forEach((s) => { s.hidden = s.id !== id; });
    document.body.dataset.current = id;
  }

  function banner(text) {
    $('banner').textContent = text || '';
    $('banner').hidden = !text;
  }

  function outcome(state, outcomeName, detail) {
    const [title, css] = OUTCOMES[outcomeName] || ['Unable to verify', 'unable'];
    $('outcome-title').textContent = title;
    $('outcome-title').className = css;
    $('outcome-detail').textContent = detail || '';
    current = null;
    answered = null;
    stopTicking();
    show('screen-outcome');
  }

  function detailFor(status) {
    if (status.reverse) {
      return status.state === 'VERIFIED'
        ? 'Thank you: the caller is confirmed. You can carry on with your call.'
        : 'Thank you. Hang up, and tell your IT contact about this call. Do not give the caller anything.';
    }
    if (status.userReported) {
      return 'Thank you. Your IT contact is told that you did not ask for this.';
    }
    switch (status.state) {
      case 'VERIFIED':
      case 'APPROVED':
        return 'Your help desk can go ahead.';
      case 'USER_DENIED':
        return 'You denied this request.';
      case 'DENIED':
        return 'Your technician could not confirm it was you.';
      case 'EXPIRED':
        return 'The time to answer ran out. Ask your technician to send a new request if you still need help.';
      case 'CANCELLED':
        return 'Your technician cancelled this request.';
      default:
        return '';
    }
  }

  // ---------- enrolment ----------

  async function enrol(token) {
    show('screen-loading');
    try {
      const enrolled = await api('POST', '/api/v1/devices', {
        enrolmentToken: token, platform: 'web', notificationsEnabled: false,
      });
      localStorage.setItem(DEVICE_KEY, JSON.stringify({
        deviceId: enrolled.deviceId, deviceSecret: enrolled.deviceSecret,
      }));
      askForNotifications();
    } catch (e) {
      show('screen-enrol');
      $('enrol-error').textContent = e.message || 'Could not set up this device.';
      $('enrol-error').hidden = false;
    }
  }

  function tokenFrom(text) {
    const t = (text || '').trim();
    const i = t.indexOf('enrol=');
    return i >= 0 ? decodeURIComponent(t.substring(i + 6).split(/[&#]/)[0]) : t;
  }

  // ---------- notifications and the FCM token ----------

  function isIos() {
    return /iPad|iPhone|iPod/.test(navigator.userAgent)
        || (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1);
  }

  function standalone() {
    return matchMedia('(display-mode: standalone)').matches || navigator.standalone === true;
  }

  function pushSupported() {
    return 'Notification' in self && 'PushManager' in self && 'serviceWorker' in navigator;
  }

  function askForNotifications() {
    $('ios-hint').hidden = !(isIos() && !standalone());
    show('screen-notifications');
  }

  async function turnOnNotifications() {
    let enabled = false;
    if (pushSupported()) {
      enabled = (await Notification.requestPermission()) === 'granted';
    }
    try {
      await reportDevice(enabled);
    } catch (e) {
      if (handleAuthFailure(e)) {
        return;
      }
    }
    idle();
  }

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = () => reject(new Error('could not load ' + src));
      document.head.appendChild(s);
    });
  }

  /** The FCM registration token from the Firebase JS SDK, for our own service worker; null without web push. */
  async function fcmToken() {
    if (!config.firebase || !registration || Notification.permission !== 'granted') {
      return null;
    }
    if (!self.firebase) {
      await loadScript('/app/vendor/firebase-app-compat.js');
      await loadScript('/app/vendor/firebase-messaging-compat.js');
    }
    const f = config.firebase;
    if (!self.firebase.apps.length) {
      self.firebase.initializeApp({
        apiKey: f.apiKey, appId: f.appId, projectId: f.projectId, messagingSenderId: f.messagingSenderId,
      });
    }
    return self.firebase.messaging().getToken({ vapidKey: f.vapidKey, serviceWorkerRegistration: registration });
  }

  /** Tells the server whether pushes can reach this browser: denied or unsupported keeps SMS as the channel. */
  async function reportDevice(enabled) {
    const d = device();
    if (!d) {
      return;
    }
    const body = { notificationsEnabled: enabled };
    if (enabled) {
      try {
        const token = await fcmToken();
        if (token) {
          body.fcmToken = token;
          localStorage.setItem(TOKEN_KEY, token);
        }
      } catch (e) {
        // Firebase unreachable or misconfigured: the device stays without a token, so the server sends SMS.
        console.warn('No FCM token', e);
      }
    }
    await api('PATCH', '/api/v1/devices/' + encodeURIComponent(d.deviceId), body);
  }

  /** A rotated FCM token is reported again, so pushes keep arriving. */
  async function refreshToken() {
    if (!config.firebase || !pushSupported() || Notification.permission !== 'granted') {
      return;
    }
    try {
      const token = await fcmToken();
      if (token && token !== localStorage.getItem(TOKEN_KEY)) {
        await reportDevice(true);
      }
    } catch (e) {
      handleAuthFailure(e);
    }
  }

  function deliveryMode() {
    const granted = pushSupported() && Notification.permission === 'granted';
    const pushing = granted && config.firebase && localStorage.getItem(TOKEN_KEY);
    $('notify-again').hidden = granted || !pushSupported();
    if (!pushSupported()) {
      return 'This browser cannot show notifications here' + (isIos() && !standalone()
          ? ' (on an iPhone, add the app to your Home Screen first)' : '') + ': the app checks for requests while '
          + 'it is open. Otherwise your help desk reaches you by text message or email.';
    }
    if (pushing) {
      return 'Notifications are on: a request reaches you even when the app is closed.';
    }
    if (!config.firebase) {
      return 'Notifications are not set up on this server: the app checks for requests while it is open. '
          + 'Otherwise your help desk reaches you by text message or email.';
    }
    return 'Notifications are off: the app checks for requests while it is open. Otherwise your help desk reaches '
        + 'you by text message or email.';
  }

  // ---------- challenges ----------

  function idle() {
    if (!device()) {
      show('screen-enrol');
      return;
    }
    $('delivery-mode').textContent = deliveryMode();
    if (!current && !answered) {
      show('screen-idle');
    }
    startPolling();
  }

  function startPolling() {
    if (pollTimer === null) {
      poll();
      pollTimer = setInterval(poll, (config.pollSeconds || 3) * 1000);
    }
  }

  function stopPolling() {
    if (pollTimer !== null) {
      clearInterval(pollTimer);
      pollTimer = null;
    }
  }

  async function poll() {
    const d = device();
    if (!d || document.hidden) {
      return;
    }
    try {
      if (answered) {
        await followAnswered();
        return;
      }
      const pending = await api('GET', '/api/v1/devices/' + encodeURIComponent(d.deviceId) + '/challenges');
      banner('');
      if (current) {
        const still = pending.find((c) => c.challengeId === current.challengeId);
        if (!still) {
          await showStatus(current.challengeId);
        }
        return;
      }
      const next = pending.find((c) => c.challengeId === wanted) || pending[0];
      if (next) {
        wanted = null;
        showChallenge(next);
      } else if (wanted) {
        const id = wanted;
        wanted = null;
        await showStatus(id);
      }
    } catch (e) {
      if (!handleAuthFailure(e)) {
        banner(e instanceof ApiError ? e.message : 'No connection. Checking again shortly.');
      }
    }
  }

  /** Where a challenge ended: answered on another device, decided by the technician, expired. */
  async function showStatus(challengeId) {
    try {
      const status = await api('GET', '/api/v1/challenges/' + encodeURIComponent(challengeId));
      if (status.outcome) {
        outcome(status.state, status.outcome, detailFor(status));
      } else if (status.state === 'USER_APPROVED') {
        answered = { challengeId, technicianName: current ? current.technicianName : '' };
        await showCode(answered);
      }
    } catch (e) {
      if (!handleAuthFailure(e)) {
        current = null;
        stopTicking();
        idle();
      }
    }
  }

  function showChallenge(c) {
    current = c;
    $('challenge-title').textContent = c.mspName + ': identity check';
    $('challenge-technician').textContent = c.technicianName + ' from ' + c.mspName;
    $('challenge-prompt').textContent = c.prompt || '';
    $('code-form').hidden = !c.requiresCode || c.reverse;
    $('approve').hidden = c.requiresCode;
    // The reverse check: the user compares the push's code with the one the technician reads out.
    $('answer-buttons').hidden = !!c.reverse;
    $('report').hidden = !!c.reverse;
    $('reverse').hidden = !c.reverse;
    if (c.reverse) {
      showReverseCode(c);
    }
    $('code-input').value = '';
    $('code-error').hidden = true;
    $('challenge-error').hidden = true;
    show('screen-challenge');
    tick();
    stopTicking();
    tickTimer = setInterval(tick, 1000);
  }

  function stopTicking() {
    if (tickTimer !== null) {
      clearInterval(tickTimer);
      tickTimer = null;
    }
  }

  function tick() {
    if (!current) {
      return;
    }
    const left = Math.max(0, Math.ceil((Date.parse(current.expiresAt) - Date.now()) / 1000));
    $('challenge-countdown').textContent = left > 0
        ? left + ' s left to answer' : 'Time is up';
    if (left === 0) {
      stopTicking();
      showStatus(current.challengeId);
    }
  }

  async function answer(decision, code) {
    if (!current) {
      return;
    }
    const c = current;
    const body = { decision };
    if (code !== undefined) {
      body.code = code;
    }
    setBusy(true);
    try {
      const result = await api('POST', '/api/v1/challenges/' + encodeURIComponent(c.challengeId) + '/response', body);
      if (result.outcome) {
        outcome(result.state, result.outcome, detailFor({ state: result.state, userReported: decision === 'report',
          reverse: !!c.reverse }));
      } else if (result.state === 'USER_APPROVED') {
        answered = c;
        current = null;
        stopTicking();
        await showCode(c);
      }
    } catch (e) {
      if (handleAuthFailure(e)) {
        return;
      }
      if (e instanceof ApiError && e.status === 422 && c.requiresCode && decision === 'approve') {
        $('code-error').textContent = e.message;
        $('code-error').hidden = false;
        $('code-input').value = '';
        $('code-input').focus();
      } else if (e instanceof ApiError && (e.status === 409 || e.status === 410 || e.status === 404)) {
        await showStatus(c.challengeId);
      } else {
        $('challenge-error').textContent = e.message || 'Something went wrong. Try again.';
        $('challenge-error').hidden = false;
      }
    } finally {
      setBusy(false);
    }
  }

  async function showReverseCode(c) {
    const data = await pushData(c.challengeId);
    const code = data && data.code;
    $('reverse-code').textContent = code ? code.replace(/^(\d{3})(\d{3})$/, '$1 $2') : '';
    $('reverse-code').hidden = !code;
    $('reverse-code-missing').hidden = !!code;
  }

  function setBusy(busy) {
    ['approve', 'deny', 'report', 'code-submit', 'match', 'nomatch'].forEach((id) => { $(id).disabled = busy; });
  }

  /** Push + code: the code from the push, large, to read to the technician. */
  async function showCode(c) {
    const data = await pushData(c.challengeId);
    $('code-technician').textContent = c.technicianName || 'your technician';
    const code = data && data.code;
    $('code-value').textContent = code ? code.replace(/^(\d{3})(\d{3})$/, '$1 $2') : '';
    $('code-value').hidden = !code;
    $('code-missing').hidden = !!code;
    show('screen-code');
  }

  async function followAnswered() {
    const status = await api('GET', '/api/v1/challenges/' + encodeURIComponent(answered.challengeId));
    if (status.outcome) {
      outcome(status.state, status.outcome, detailFor(status));
    }
  }

  // ---------- start ----------

  function wire() {
    $('enrol-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const token = tokenFrom($('enrol-input').value);
      $('enrol-input').value = '';
      if (token) {
        enrol(token);
      }
    });
    $('notify-on').addEventListener('click', turnOnNotifications);
    $('notify-again').addEventListener('click', askForNotifications);
    $('notify-skip').addEventListener('click', async () => {
      try {
        await reportDevice(false);
      } catch (e) {
        if (handleAuthFailure(e)) {
          return;
        }
      }
      idle();
    });
    $('approve').addEventListener('click', () => answer('approve'));
    $('deny').addEventListener('click', () => answer('deny'));
    $('report').addEventListener('click', () => answer('report'));
    $('match').addEventListener('click', () => answer('match'));
    $('nomatch').addEventListener('click', () => answer('nomatch'));
    $('code-form').addEventListener('submit', (e) => {
      e.preventDefault();
      answer('approve', $('code-input').value.replace(/\s+/g, ''));
    });
    $('outcome-done').addEventListener('click', () => {
      show('screen-idle');
      idle();
    });
    $('enrol-again').addEventListener('click', () => {
      forgetDevice();
      show('screen-enrol');
    });
    // A link opened while the app is already open only changes the fragment: no new page load.
    window.addEventListener('hashchange', () => {
      const fragment = readFragment();
      if (fragment.enrol) {
        stopPolling();
        current = null;
        answered = null;
        stopTicking();
        enrol(fragment.enrol);
      } else if (fragment.challenge) {
        wanted = fragment.challenge;
        poll();
      }
    });
        document.addEventListener('visibilitychange', () => {
      if (!document.hidden) {
        poll();
      }
    });
    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.addEventListener('message', (event) => {
        const m = event.data || {};
        if ((m.type === 'open' || m.type === 'push') && m.challengeId) {
          if (m.type === 'open') {
            wanted = m.challengeId;
          }
          poll();
        }
      });
    }
  }

  /** #enrol=<token> from the link, #challenge=<id> from a notification; both leave the address bar at once. */
  function readFragment() {
    const params = new URLSearchParams(location.hash.substring(1));
    if (location.hash) {
      history.replaceState(null, '', location.pathname + location.search);
    }
    return { enrol: params.get('enrol'), challenge: params.get('challenge') };
  }

  async function start() {
    const fragment = readFragment();
    wire();
    if ('serviceWorker' in navigator) {
      try {
        registration = await navigator.serviceWorker.register('/app/sw.js', { scope: '/app/' });
      } catch (e) {
        console.warn('No service worker', e);
      }
    }
    try {
      config = await (await fetch('/app/config.json', { credentials: 'omit' })).json();
    } catch (e) {
      banner('No connection. The app checks again shortly.');
    }
    $('msp-name').textContent = config.mspName;
    document.title = config.mspName + ' Verify';
    wanted = fragment.challenge;
    if (fragment.enrol) {
      await enrol(fragment.enrol);
      return;
    }
    if (!device()) {
      show('screen-enrol');
      return;
    }
    idle();
    refreshToken();
  }

  start();
})();
