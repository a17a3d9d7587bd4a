// Slack mrkdwn to safe HTML, for the playground's Slack pane: only what our Block Kit uses.
// User text arrives escaped (&amp; &lt; &gt;); control sequences are <...>. Everything is
// HTML-escaped before formatting, so nothing from a message can become markup.
(function (global) {
  'use strict';
  const EMOJI = {
    white_check_mark: '✅', x: '❌', warning: '⚠️', hourglass_flowing_sand: '⏳', hourglass: '⌛',
    no_entry: '⛔', no_entry_sign: '🚫', lock: '🔒', key: '🔑', iphone: '📱', email: '📧',
    envelope: '✉️', bell: '🔔', information_source: 'ℹ️', mag: '🔍', stopwatch: '⏱️',
    heavy_check_mark: '✔️', question: '❓', ballot_box_with_check: '☑️', speech_balloon: '💬',
    telephone_receiver: '📞', clock3: '🕒', wastebasket: '🗑️', arrow_right: '➡️', calendar: '📅'
  };

  function escapeHtml(s) {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }

  function unescapeSlack(s) {
    return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  }

  function emoji(html) {
    return html.replace(/:([a-z0-9_+-]+):/g, (m, name) => EMOJI[name] || m);
  }

  function format(html) {
    return html
      .replace(/`([^`\n]+)`/g, '<code>$1</code>')
      .replace(/(^|[\s(])\*([^*\n]+)\*(?=$|[\s).,:;!?])/g, '$1<strong>$2</strong>')
      .replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s).,:;!?])/g, '$1<em>$2</em>')
      .replace(/(^|[\s(])~([^~\n]+)~(?=$|[\s).,:;!?])/g, '$1<del>$2</del>');
  }

  function control(inner) {
    const [target, label] = splitOnce(inner, '|');
    if (target.startsWith('!date^')) {
      const parts = target.split('^');
      const epoch = Number(parts[1]);
      if (Number.isFinite(epoch)) {
        const d = new Date(epoch * 1000);
        const fmt = parts[2] || '';
        const text = fmt.includes('{date') ? d.toLocaleString() : d.toLocaleTimeString();
        return '<time datetime="' + d.toISOString() + '">' + escapeHtml(text) + '</time>';
      }
      return escapeHtml(unescapeSlack(label || ''));
    }
    if (target.startsWith('!')) {
      return '<span class="mention">@' + escapeHtml(target.slice(1)) + '</span>';
    }
    if (target.startsWith('@') || target.startsWith('#')) {
      return '<span class="mention">' + escapeHtml(label || target) + '</span>';
    }
    if (/^(https?:|mailto:)/.test(target)) {
      return '<a href="' + escapeHtml(target) + '" target="_blank" rel="noopener">' +
        escapeHtml(unescapeSlack(label || target)) + '</a>';
    }
    return escapeHtml('<' + inner + '>');
  }

  function splitOnce(s, sep) {
    const i = s.indexOf(sep);
    return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + 1)];
  }

  function toHtml(mrkdwn) {
    if (!mrkdwn) return '';
    let out = '';
    const re = /<([^<>]*)>/g;
    let last = 0;
    let m;
    while ((m = re.exec(mrkdwn)) !== null) {
      out += format(emoji(escapeHtml(unescapeSlack(mrkdwn.slice(last, m.index)))));
      out += control(m[1]);
      last = re.lastIndex;
    }
    out += format(emoji(escapeHtml(unescapeSlack(mrkdwn.slice(last)))));
    return out.replace(/\n/g, '<br>');
  }

  function plain(text) {
    return emoji(escapeHtml(text || ''));
  }

  global.Mrkdwn = { toHtml, plain, escapeHtml };
})(window);
