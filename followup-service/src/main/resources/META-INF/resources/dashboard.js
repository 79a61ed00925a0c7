/*
 * Keeps the operations dashboard current without reloading the page: every few seconds it reads the backlog from
 * /api/v1/followups/backlog (counts, age chart, call types) and the urgent table from the dashboard itself (rendered
 * by the server, so it is built in one place). Without JavaScript the page still shows the figures it was served with.
 */
(function () {
  'use strict';

  var root = document.getElementById('dashboard');
  if (!root || !window.fetch || !window.DOMParser) {
    return;
  }
  var seconds = Number(root.getAttribute('data-refresh-seconds')) || 10;
  var backlogUrl = root.getAttribute('data-backlog-url');
  var barsX = Number(root.getAttribute('data-bars-x'));
  var barMaxWidth = Number(root.getAttribute('data-bar-max-width'));
  var status = document.getElementById('refresh-status');

  function setText(id, value) {
    var element = document.getElementById(id);
    if (element) {
      element.textContent = String(value);
    }
  }

  /* "2026-12-02T12:00:00.123-05:00" reads "2026-12-02 12:00:00 (UTC-05:00)", as the server writes it. */
  function asOfText(iso) {
    var offset = /([+-]\d\d:\d\d|Z)$/.exec(iso);
    var zone = !offset || offset[1] === 'Z' ? '+00:00' : offset[1];
    return iso.slice(0, 10) + ' ' + iso.slice(11, 19) + ' (UTC' + zone + ')';
  }

  function ageLabel(bucket) {
    return bucket.replace('-', '\u2013').replace('h', ' h');
  }

  function showBacklog(backlog) {
    setText('count-open', backlog.open);
    setText('count-at-risk', backlog.atRisk);
    setText('count-breached', backlog.breached);
    setText('count-due-next-business-day', backlog.dueNextBusinessDay);
    var asOf = document.getElementById('as-of');
    asOf.setAttribute('datetime', backlog.asOf);
    asOf.textContent = asOfText(backlog.asOf);

    document.querySelectorAll('[data-call-type]').forEach(function (cell) {
      setCount(cell, backlog.byCallType[cell.getAttribute('data-call-type')]);
    });

    var buckets = Object.keys(backlog.byAge);
    var longest = Math.max.apply(null, buckets.map(function (b) { return backlog.byAge[b]; }).concat([0]));
    var summary = [];
    document.querySelectorAll('#age-chart [data-age]').forEach(function (group) {
      var count = backlog.byAge[group.getAttribute('data-age')] || 0;
      var width = longest === 0 ? 0 : Math.round(count * barMaxWidth / longest);
      group.querySelector('rect').setAttribute('width', String(width));
      var value = group.querySelector('.bar-value');
      value.setAttribute('x', String(barsX + width + 6));
      value.textContent = String(count);
      summary.push(ageLabel(group.getAttribute('data-age')) + ': ' + count);
    });
    setText('age-chart-desc', summary.join(', '));
  }

  function setCount(element, value) {
    element.textContent = String(value === undefined ? 0 : value);
  }

  function showUrgent(html) {
    var page = new DOMParser().parseFromString(html, 'text/html');
    ['#urgent tbody', '#routing-status'].forEach(function (selector) {
      var fresh = page.querySelector(selector);
      var current = document.querySelector(selector);
      if (fresh && current) {
        current.replaceWith(document.adoptNode(fresh));
      }
    });
  }

  function json(response) {
    if (!response.ok) {
      throw new Error('HTTP ' + response.status);
    }
    return response.json();
  }

  function text(response) {
    if (!response.ok) {
      throw new Error('HTTP ' + response.status);
    }
    return response.text();
  }

  function refresh() {
    fetch(backlogUrl, { headers: { Accept: 'application/json' }, cache: 'no-store' })
      .then(json)
      .then(showBacklog)
      .then(function () {
        return fetch(window.location.pathname, { headers: { Accept: 'text/html' }, cache: 'no-store' });
      })
      .then(text)
      .then(showUrgent)
      .then(function () {
        status.classList.remove('stale');
        status.textContent = 'Refreshes every ' + seconds + ' seconds.';
      })
      .catch(function () {
        status.classList.add('stale');
        status.textContent = 'Could not refresh: these figures may be out of date. Retrying.';
      })
      .then(function () {
        window.setTimeout(refresh, seconds * 1000);
      });
  }

  window.setTimeout(refresh, seconds * 1000);
}());
