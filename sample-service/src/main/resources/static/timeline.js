// The live timeline: one card per request, one chip per relayed XHR event, in the order they were fired, and a
// waterfall: each request as a bar on a time axis shared by every card (like a browser's network panel), with a mark
// where each event fired.
(function () {
  'use strict';
  const requests = document.getElementById('requests');
  const cards = new Map();
  // The length of every waterfall's axis: it grows (in whole seconds) to the longest request shown.
  let axisMillis = 1000;

  function card(requestId, label, method, url) {
    let element = cards.get(requestId);
    if (element) {
      return element;
    }
    element = document.createElement('li');
    element.className = 'request';
    element.dataset.requestId = requestId;
    element.dataset.label = label;
    element.innerHTML = '<header><span class="name"></span><span class="url"></span>' +
      '<span class="outcome" data-outcome="pending">pending</span></header>' +
      '<div class="progress-bar"><div></div></div>' +
      '<div class="waterfall"><div class="bar"></div><span class="axis"></span></div>' +
      '<div class="events"></div><p class="summary"></p>';
    element.fired = [];
    element.querySelector('.name').textContent = label;
    element.querySelector('.url').textContent = method + ' ' + url;
    requests.prepend(element);
    cards.set(requestId, element);
    while (requests.children.length > 200) {
      const oldest = requests.lastElementChild;
      cards.delete(oldest.dataset.requestId);
      oldest.remove();
    }
    return element;
  }

  function onXhrEvent(event) {
    const element = card(String(event.requestId), event.label, event.method, event.url);
    const chip = document.createElement('span');
    chip.className = 'chip' + (event.upload ? ' upload' : '');
    chip.dataset.type = event.type;
    chip.dataset.upload = String(event.upload);
    const prefix = event.upload ? 'upload.' : '';
    chip.textContent = event.type === 'readystatechange' ? 'rs ' + event.readyState : prefix + event.type;
    chip.title = prefix + event.type + ' · readyState ' + event.readyState + ' · status ' + event.status +
      (event.type === 'progress' || event.type.startsWith('load') ? ' · ' + event.loaded + ' of ' + event.total : '') +
      ' · on ' + event.thread;
    element.querySelector('.events').append(chip);
    if (!event.upload && event.total > 0) {
      element.querySelector('.progress-bar div').style.width = (100 * event.loaded / event.total) + '%';
    }
    const outcome = element.querySelector('.outcome');
    if (['load', 'error', 'timeout', 'abort'].includes(event.type) && !event.upload) {
      outcome.dataset.outcome = event.type;
      outcome.textContent = event.type + (event.type === 'load' ? ' ' + event.status : '');
    }
    if (event.type === 'loadend' && !event.upload) {
      element.dataset.done = 'true';
    }
    element.fired.push({ type: event.type, upload: event.upload, readyState: event.readyState, at: event.timestamp });
    const duration = element.fired[element.fired.length - 1].at - startOf(element.fired);
    if (duration > axisMillis) {
      axisMillis = Math.ceil(duration / 1000) * 1000;
      for (const other of cards.values()) {
        drawWaterfall(other);
      }
    }
    else {
      drawWaterfall(element);
    }
  }

  // A request starts at its loadstart (its OPENED readystatechange fired in open(), before).
  function startOf(fired) {
    const loadstart = fired.find((each) => each.type === 'loadstart' && !each.upload);
    return (loadstart || fired[0]).at;
  }

  // The request's bar from its first event to its last (so far), and a mark at each event, on the shared axis.
  function drawWaterfall(element) {
    const fired = element.fired;
    if (!fired || fired.length === 0) {
      return;
    }
    const waterfall = element.querySelector('.waterfall');
    const start = startOf(fired);
    const end = fired[fired.length - 1].at;
    waterfall.dataset.startMillis = String(start);
    waterfall.dataset.durationMillis = String(end - start);
    waterfall.dataset.axisMillis = String(axisMillis);
    const bar = waterfall.querySelector('.bar');
    bar.style.width = Math.max(0.4, 100 * (end - start) / axisMillis) + '%';
    waterfall.querySelector('.axis').textContent = (end - start) + ' ms of ' + axisMillis + ' ms';
    waterfall.querySelectorAll('.mark').forEach((mark) => mark.remove());
    for (const each of fired) {
      if (each.type === 'readystatechange' || each.at < start) {
        continue;
      }
      const mark = document.createElement('span');
      mark.className = 'mark' + (each.upload ? ' upload' : '');
      mark.dataset.type = each.type;
      mark.dataset.upload = String(each.upload);
      mark.dataset.offsetMillis = String(each.at - start);
      mark.style.left = (100 * (each.at - start) / axisMillis) + '%';
      mark.title = (each.upload ? 'upload.' : '') + each.type + ' at +' + (each.at - start) + ' ms';
      waterfall.append(mark);
    }
  }

  function onResult(result) {
    // Results name the upstream; show the summary on that upstream's newest finished card.
    for (const element of requests.children) {
      if (element.dataset.label === result.upstream && !element.dataset.result) {
        element.dataset.result = result.outcome;
        let text = result.summary;
        if (result.serviceStatus) {
          const s = result.serviceStatus;
          text = 'ServiceStatus[service=' + s.service + ', status=' + s.status + ', version=' + s.version +
            ', uptimeSeconds=' + s.uptimeSeconds + ']';
        }
        const final = result.responseUrl && result.responseUrl !== new URL(result.url, location.href).href ?
          ' · responseURL ' + result.responseUrl : '';
        element.querySelector('.summary').textContent = result.durationMillis + ' ms · ' + result.bytes +
          ' bytes' + final + ' · ' + text;
        return;
      }
    }
  }

  function onHealth(snapshot) {
    const badge = document.getElementById('health');
    badge.dataset.status = snapshot.status;
    badge.textContent = snapshot.status;
    const details = document.getElementById('health-details');
    details.replaceChildren();
    const requestsDetail = snapshot.details.requests || {};
    for (const [key, value] of Object.entries(requestsDetail)) {
      const item = document.createElement('span');
      item.textContent = key + ': ' + value;
      details.append(item);
    }
    for (const [name, probe] of Object.entries(snapshot.details.probes || {})) {
      const item = document.createElement('span');
      item.dataset.probe = name;
      item.textContent = 'probe ' + name + ': ' + probe.status + ' (' + probe.httpStatus + ', ' + probe.latencyMs +
        ' ms' + (probe.error ? ', ' + probe.error : '') + ')';
      details.append(item);
    }
  }

  function connect() {
    const source = new EventSource('api/timeline');
    const connection = document.getElementById('connection');
    source.onopen = () => { connection.dataset.state = 'open'; connection.textContent = 'live'; };
    source.onerror = () => { connection.dataset.state = 'reconnecting'; connection.textContent = 'reconnecting…'; };
    source.addEventListener('xhr', (e) => onXhrEvent(JSON.parse(e.data)));
    source.addEventListener('result', (e) => onResult(JSON.parse(e.data)));
    source.addEventListener('health', (e) => onHealth(JSON.parse(e.data)));
  }

  document.getElementById('check-now').addEventListener('click', () => {
    fetch('api/checks', { method: 'POST' });
  });

  document.getElementById('sync-demo').addEventListener('click', async () => {
    const panel = document.getElementById('sync-panel');
    const response = await fetch('api/sync-demo', { method: 'POST' });
    const result = await response.json();
    const out = document.getElementById('sync-result');
    out.replaceChildren();
    for (const [title, attempt] of [['On the event loop', result.onEventLoop], ['On a worker thread', result.onWorker]]) {
      const div = document.createElement('div');
      div.dataset.outcome = attempt.outcome;
      div.innerHTML = '<strong></strong><br>thread <code class="thread"></code><br>→ <b class="result"></b><br>' +
        '<code class="detail"></code>';
      div.querySelector('strong').textContent = title;
      div.querySelector('.thread').textContent = attempt.thread;
      div.querySelector('.result').textContent = attempt.outcome;
      div.querySelector('.detail').textContent = attempt.detail;
      out.append(div);
    }
    panel.hidden = false;
  });

  connect();
})();
