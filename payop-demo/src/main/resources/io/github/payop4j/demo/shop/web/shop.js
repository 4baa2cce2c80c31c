// Loopback Roasters: the order page's script. Everything it shows goes in as text, never as HTML.
(function () {
  'use strict';
  var order = document.getElementById('order');
  if (!order) {
    return;
  }

  function text(el, value) {
    if (el) {
      el.textContent = value;
    }
  }

  function list(el, items) {
    if (!el) {
      return;
    }
    while (el.firstChild) {
      el.removeChild(el.firstChild);
    }
    items.forEach(function (item) {
      var li = document.createElement('li');
      li.textContent = item;
      el.appendChild(li);
    });
  }

  // The order's state follows Payop's IPNs: ask the shop every second and a half.
  function poll() {
    fetch(order.dataset.api, { headers: { Accept: 'application/json' }, cache: 'no-store' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (o) {
        if (!o) {
          return;
        }
        var status = document.getElementById('status');
        text(status, o.label);
        status.className = 'badge ' + o.labelClass;
        text(document.getElementById('status-note'), o.note);
        document.getElementById('pay').hidden = !o.payable;
        document.getElementById('paid').hidden = o.payable;
        text(document.getElementById('paid-by'), o.paidBy);
        list(document.getElementById('refunds'), o.refunds);
        list(document.getElementById('history'), o.history);
      })
      .catch(function () { /* the next poll tries again */ })
      .finally(function () { setTimeout(poll, 1500); });
  }
  setTimeout(poll, 1000);

  // Payment methods, from payop-jaxrs-adapter's payment-methods endpoint.
  var methods = [];
  var hostedSelect = document.getElementById('hosted-method');
  var directSelect = document.getElementById('direct-method');
  var directFields = document.getElementById('direct-fields');

  function option(select, value, label) {
    var o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    select.appendChild(o);
  }

  function showDirectFields() {
    while (directFields.firstChild) {
      directFields.removeChild(directFields.firstChild);
    }
    var m = methods.find(function (x) { return String(x.id) === directSelect.value; });
    if (!m) {
      return;
    }
    // The order supplies the payer's email and name; the method's other fields are asked for here.
    m.fields.filter(function (f) { return f.name !== 'email' && f.name !== 'name'; }).forEach(function (f) {
      var label = document.createElement('label');
      label.textContent = f.title || f.name.replace(/_/g, ' ');
      var input = document.createElement('input');
      input.name = f.name;
      input.id = 'field-' + f.name;
      input.required = f.required !== false;
      if (f.name === 'date_of_birth') {
        input.placeholder = 'DD.MM.YYYY';
      }
      label.appendChild(input);
      directFields.appendChild(label);
    });
  }

  if (hostedSelect) {
    fetch(order.dataset.methods, { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (list) {
        methods = list;
        list.forEach(function (m) {
          option(hostedSelect, m.id, m.title || ('Method ' + m.id));
          if (m.flow === 'direct') {
            option(directSelect, m.id, m.title || ('Method ' + m.id));
          }
        });
        showDirectFields();
      });
    directSelect.addEventListener('change', showDirectFields);
  }

  // Direct and card payments are posted as JSON; the answer's "continue" URL takes the payer on
  // (3-D Secure, the bank's page, or back here).
  function start(url, body, button, errorBox) {
    button.disabled = true;
    text(errorBox, '');
    fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body) })
      .then(function (r) {
        return r.json().then(function (json) { return { ok: r.ok, json: json }; });
      })
      .then(function (answer) {
        if (answer.ok) {
          window.location.assign(answer.json['continue']);
          return;
        }
        var p = answer.json;
        var reasons = (p.fields || []).map(function (f) { return f.name + ' ' + f.reason; });
        text(errorBox, (p.detail || p.title || 'The payment could not be started.')
          + (reasons.length ? ' ' + reasons.join('; ') + '.' : ''));
        button.disabled = false;
      })
      .catch(function () {
        text(errorBox, 'The shop could not be reached. Please try again.');
        button.disabled = false;
      });
  }

  var directForm = document.getElementById('direct-form');
  if (directForm) {
    directForm.addEventListener('submit', function (e) {
      e.preventDefault();
      var fields = {};
      directFields.querySelectorAll('input').forEach(function (i) { fields[i.name] = i.value; });
      start(order.dataset.direct, { paymentMethod: Number(directSelect.value), payer: { fields: fields } },
        document.getElementById('pay-direct'), document.getElementById('direct-error'));
    });
  }

  var cardForm = document.getElementById('card-form');
  if (cardForm) {
    cardForm.addEventListener('submit', function (e) {
      e.preventDefault();
      start(order.dataset.card, {
        pan: document.getElementById('card-pan').value,
        expirationDate: document.getElementById('card-expiry').value,
        cvv: document.getElementById('card-cvv').value,
        holderName: document.getElementById('card-holder').value
      }, document.getElementById('pay-card'), document.getElementById('card-error'));
    });
  }
}());
