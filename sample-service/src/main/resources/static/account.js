// The account page: the service's /account API, whose XHRs upstream carry this browser session's profile.
'use strict';

const userInput = document.getElementById('user');
const loginStatus = document.getElementById('login-status');
const me = document.getElementById('me');

document.getElementById('login').addEventListener('click', async () => {
  const response = await fetch('/account/login?user=' + encodeURIComponent(userInput.value), { method: 'POST' });
  const body = await response.json().catch(() => ({}));
  if (response.ok) {
    loginStatus.textContent = 'logged in upstream as ' + body.user;
    loginStatus.dataset.user = body.user;
  } else {
    loginStatus.textContent = 'login failed: ' + (body.error || response.status);
    loginStatus.dataset.user = '';
  }
});

document.getElementById('load-me').addEventListener('click', async () => {
  me.dataset.status = 'loading';
  const response = await fetch('/account/me');
  if (response.ok) {
    const account = await response.json();
    me.textContent = account.user + '\n' + account.orders.join('\n');
    me.dataset.user = account.user;
  } else {
    me.textContent = 'status ' + response.status;
    me.dataset.user = '';
  }
  me.dataset.status = String(response.status);
});
