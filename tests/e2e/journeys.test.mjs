// Journeys through Mutual in a real browser, written the way a person sees the pages:
// by labels, roles and visible names, never by CSS ids. Run by ./run.sh, in English or
// (MUTUAL_E2E_LANG=de) in German: the words are written in English and go through T()
// and TR(), which give the same message in the run's language (catalogues.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import {
  BASE, start, stop, person, check, report, printReport, auditOnly, LANG, T, TR, M, L, escapeRegExp as esc,
} from './lib.mjs';

before(start);
after(async () => {
  await stop();
  printReport();
});

const PASSWORD = 'quiet harbour lanterns';
let serial = 0;
/** A fresh email per person, so runs never collide on one database. */
function email(name) {
  serial += 1;
  return `${name.toLowerCase()}-${process.pid}-${serial}@example.org`;
}

const main = (page) => page.getByRole('main');
/** The couple page's line once linked (with or without the date since when). */
const linkedWith = (partner) => TR(`You're linked with ${partner}`, ['couple-linked', 'couple-linked-since'], { partner });

// The question library's words: English as the database holds them, other languages from
// locales/<lang>/library*.ftl by id. Everything else goes through T() and TR() (lib.mjs).
const AFTER = L('set-after-intimacy', 'After we were intimate');
const AFTER_MORE = L('set-after-intimacy-more', 'After we were intimate: a little more');
const HOW_WAS_IT = L('prompt-after-how-was-it', 'How was that for you?');
const CONNECTED = L('prompt-after-connected', 'How connected did you feel to your partner?');
const PRESSURE_FREE = L('prompt-after-pressure-free', 'How free of pressure did it feel for you?');
const PRESSURED = L('prompt-after-pressure-free-low', 'I felt pressured');
const ENJOYABLE = L('prompt-after-enjoyable', 'What was enjoyable?');
const BEGAN = L('prompt-after-how-it-began', 'How did it begin?');
const STARTED_BY_PARTNER = L('choice-after-how-it-began-2', 'My partner got things started');
const BOTH_DID = L('choice-after-how-it-began-3', 'We both did');
/** The radio that picks the short set on the new check-in page: its title, then "(…". */
const AFTER_RADIO = new RegExp(`^${esc(AFTER)} \\(`);
/** The "keep this one private" box of the enjoyable question. */
const KEEP_ENJOYABLE_PRIVATE = () => new RegExp(`${TR('Keep this one private').source}.*${esc(ENJOYABLE)}`);

/** Sign up from the landing page (or from wherever `page` is), then sign in. */
async function signUp(page, name, { tag, fromJoin = false } = {}) {
  const address = email(name);
  if (!fromJoin) {
    await page.goto(BASE + '/');
    if (tag) await check(page, 'landing');
    await main(page).getByRole('link', { name: T('Create an account') }).click();
  }
  if (tag) await check(page, 'register');
  if (tag === 'first') {
    // Nothing filled in: every field says what it needs, tied to the field.
    await page.getByRole('button', { name: T('Create my account') }).click();
    await check(page, 'register-errors');
    const nameBox = page.getByLabel(T('Your name'));
    await assert.doesNotReject(nameBox.waitFor());
    assert.equal(await nameBox.getAttribute('aria-invalid'), 'true');
    const described = await nameBox.getAttribute('aria-describedby');
    assert.ok(described, 'the name field points at its error');
    assert.ok(await page.locator(`[id="${described.split(' ').at(-1)}"]`).isVisible());
  }
  await page.getByLabel(T('Your name')).fill(name);
  await page.getByLabel(T('Email')).fill(address);
  await page.getByLabel(T('Password')).fill(PASSWORD);
  await page.getByRole('checkbox', { name: TR(/Mutual stores what I write/) }).check();
  await page.getByRole('button', { name: T('Create my account') }).click();
  await page.getByRole('heading', { name: T('Sign in') }).waitFor();
  if (tag) await check(page, 'login-after-sign-up');
  if (tag === 'first') {
    await page.getByLabel(T('Email')).fill(address);
    await page.getByLabel(T('Password')).fill('not the password');
    await page.getByRole('button', { name: T('Sign in') }).click();
    await page.getByRole('alert').waitFor();
    await check(page, 'login-error');
  }
  await page.getByLabel(T('Email')).fill(address);
  await page.getByLabel(T('Password')).fill(PASSWORD);
  await page.getByRole('button', { name: T('Sign in') }).click();
  await page.getByRole('button', { name: T('Sign out') }).waitFor();
  return address;
}

/** The first partner makes an invite code; returns [code, link]. */
async function makeInvite(page, { tag } = {}) {
  await page.goto(BASE + '/');
  if (tag) await check(page, 'home-not-linked');
  await main(page).getByRole('link', { name: T('Link with your partner', 'home-link-button') }).click();
  if (tag) await check(page, 'couple-not-linked');
  await page.getByRole('button', { name: T('Make an invite code') }).click();
  const code = (await page.getByRole('code').innerText()).trim();
  assert.match(code, /^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
  if (tag) await check(page, 'couple-invite');
  const link = await main(page).getByRole('link', { name: /\/join\// }).innerText();
  return [code, link.trim()];
}

/** Answers of one person to the first prompt set, by the questions' visible text. */
async function answerAfterIntimacy(page, { how, enjoyed, keepEnjoyedPrivate, connected, pressure = 5 }) {
  await page.getByRole('textbox', { name: HOW_WAS_IT }).fill(how);
  await page.getByRole('group', { name: CONNECTED })
    .getByRole('radio', { name: new RegExp(`^${connected}\\b`) }).check();
  await page.getByRole('group', { name: PRESSURE_FREE })
    .getByRole('radio', { name: new RegExp(`^${pressure}\\b`) }).check();
  await page.getByRole('textbox', { name: ENJOYABLE }).fill(enjoyed);
  if (keepEnjoyedPrivate) {
    await page.getByRole('checkbox', { name: KEEP_ENJOYABLE_PRIVATE() }).check();
  }
}

for (const js of [true, false]) {
  const run = js ? 'JavaScript on' : 'JavaScript off';
  const tag = (t) => (js ? t : undefined); // screenshots and audits of the form-error pages once
  test(`two partners sign up, link, check in, see the reveal and the summary, unlink, sign out (${run})`, async () => {
    const alex = await person(js);
    const sam = await person(js);
    const privateWords = `private-${js}-${process.pid}`;
    const sharedWords = `shared-${js}-${process.pid}`;

    await signUp(alex, 'Alex', { tag: js ? 'first' : 'again' });
    const [code, link] = await makeInvite(alex, { tag: true });

    if (js) {
      // Sam follows the link before having an account, signs up and comes back to it.
      await sam.goto(link);
      await check(sam, 'join-signed-out');
      await main(sam).getByRole('link', { name: T('Create an account') }).click();
      await signUp(sam, 'Sam', { fromJoin: true });
      await sam.getByRole('heading', { name: T('Join your partner on Mutual') }).waitFor();
      await check(sam, 'join-signed-in');
      await sam.getByRole('button', { name: T('Link with Alex') }).click();
    } else {
      // Sam types the code on the couple page.
      await signUp(sam, 'Sam');
      await sam.getByRole('navigation', { name: T('Main') }).getByRole('link', { name: T('Couple') }).click();
      await sam.getByLabel(T('Invite code')).fill(code.toLowerCase().replace('-', ' '));
      await sam.getByRole('button', { name: T('Link with my partner') }).click();
      // A typed code shows who it is from first, as the link does.
      await sam.getByRole('heading', { name: T('Join your partner on Mutual') }).waitFor();
      await main(sam).getByText(TR('This invite is from')).waitFor();
      await check(sam, 'join-typed-code');
      await sam.getByRole('button', { name: T('Link with Alex') }).click();
    }
    await main(sam).getByText(linkedWith('Alex')).waitFor();
    await check(sam, 'couple-linked');

    // Alex starts a check-in from home.
    await alex.goto(BASE + '/');
    await check(alex, 'home-linked');
    await main(alex).getByRole('link', { name: T('Start a check-in') }).click();
    await check(alex, 'checkin-new');
    await alex.getByRole('radio', { name: AFTER_RADIO }).check();
    // The day it was about, three days back: that is the date everything shows.
    const day = new Date(Date.now() - 3 * 86400000);
    const dayLabel = M('date', { day: day.getUTCDate(), month: M(`month-${day.getUTCMonth() + 1}`), year: day.getUTCFullYear() });
    await alex.getByLabel(TR(/When was it/)).fill(day.toISOString().slice(0, 10));
    await alex.getByRole('button', { name: T('Start'), exact: true }).click();
    await alex.getByRole('heading', { level: 1, name: AFTER }).waitFor();
    await main(alex).getByText(dayLabel).first().waitFor();
    await check(alex, 'checkin-answer');
    await answerAfterIntimacy(alex, {
      how: `Gentle and unhurried ${sharedWords}`,
      enjoyed: `Laughing together ${privateWords}`,
      keepEnjoyedPrivate: true,
      connected: 4,
    });
    await alex.getByRole('button', { name: T('Save my answers') }).click();
    await alex.getByText(TR('Your answers are saved')).waitFor();
    await check(alex, 'checkin-waiting');

    // Sam finds it on the home page and answers.
    await sam.goto(BASE + '/');
    await check(sam, 'home-open-checkin');
    await main(sam).getByRole('link', { name: new RegExp(esc(AFTER)) }).click();
    await check(sam, 'checkin-partner-answers');
    assert.equal(await sam.getByText(sharedWords).count(), 0, 'nothing of Alex shows before Sam answers');
    await answerAfterIntimacy(sam, {
      how: 'Warm, a little sleepy',
      enjoyed: 'The slow start',
      keepEnjoyedPrivate: false,
      connected: 5,
      pressure: 1,
    });
    // The lowest point of the pressure scale says it plainly.
    await main(sam).getByText(`1: ${PRESSURED}`).waitFor();
    await sam.getByRole('button', { name: T('Save my answers') }).click();

    // The reveal: both answers side by side, the private one only for its writer.
    await sam.getByText(TR('Here are your answers side by side')).waitFor();
    // Sam felt pressured: a kind note for Sam alone.
    await main(sam).getByRole('heading', { name: T('A note just for you') }).waitFor();
    await check(sam, 'checkin-revealed');
    const howWasIt = main(sam).getByRole('region', { name: HOW_WAS_IT });
    await howWasIt.getByRole('heading', { name: T('You'), exact: true }).waitFor();
    await howWasIt.getByRole('heading', { name: 'Alex', exact: true }).waitFor();
    await howWasIt.getByText(sharedWords).waitFor();
    assert.equal(await sam.getByText(privateWords).count(), 0, 'a private answer never reaches the partner');
    await alex.reload();
    await main(alex).getByText(privateWords).waitFor();
    await main(alex).getByText(T('Kept private: only you see this.')).waitFor();
    assert.equal(await main(alex).getByText(T('A note just for you')).count(), 0, 'the note is never the partner\'s');
    await check(alex, 'checkin-revealed-own-private');

    // The summary draws the chart, with its figures as text too.
    await alex.getByRole('navigation', { name: T('Main') }).getByRole('link', { name: T('Together') }).click();
    await alex.getByRole('heading', { level: 1, name: T('You and Sam') }).waitFor();
    assert.ok(await alex.getByRole('img', { name: TR(/Trend of the answers/) }).count() >= 1, 'a chart is drawn');
    // The same figures as a table, folded away under a visible summary line.
    assert.ok(await alex.getByText(T('The figures as a table')).count() >= 1, 'the chart offers its figures');
    assert.ok(await alex.getByRole('table', { includeHidden: true }).count() >= 1, 'the chart has a table of its figures');
    // Labelled by the couple's day, and plain about what "opened" counts.
    await main(alex).getByRole('heading', { name: dayLabel }).first().waitFor();
    await main(alex).getByText(TR('Who opened check-ins here in the app')).waitFor();
    assert.equal(await main(alex).getByText(T('A note just for you')).count(), 0, 'nor on the partner\'s summary');
    await check(alex, 'summary');
    await sam.getByRole('navigation', { name: T('Main') }).getByRole('link', { name: T('Together') }).click();
    await main(sam).getByRole('heading', { name: T('A note just for you') }).waitFor();
    await check(sam, 'summary-with-care-note');
    await alex.getByRole('navigation', { name: T('Main') }).getByRole('link', { name: T('Check-ins') }).click();
    await check(alex, 'checkins');

    // A set with choices: once both answered, the summary counts each partner's choices.
    await main(alex).getByRole('link', { name: T('Start a check-in') }).click();
    await alex.getByRole('radio', { name: new RegExp(`^${esc(AFTER_MORE)}`) }).check();
    await alex.getByRole('button', { name: T('Start'), exact: true }).click();
    const chooseBegan = async (page, label) => {
      await page.getByRole('group', { name: BEGAN }).getByRole('radio', { name: label }).check();
      await page.getByRole('button', { name: T('Save my answers') }).click();
    };
    await chooseBegan(alex, BOTH_DID);
    await alex.getByText(TR('Your answers are saved')).waitFor();
    await sam.goto(BASE + '/');
    await main(sam).getByRole('link', { name: AFTER_MORE }).click();
    await chooseBegan(sam, STARTED_BY_PARTNER);
    await sam.getByText(TR('Here are your answers side by side')).waitFor();
    await alex.getByRole('navigation', { name: T('Main') }).getByRole('link', { name: T('Together') }).click();
    const chose = main(alex).getByRole('region', { name: T('What you each chose') });
    await chose.getByRole('row', { name: new RegExp(`${esc(BOTH_DID)} 1 0`) }).waitFor();
    await chose.getByRole('row', { name: new RegExp(`${esc(STARTED_BY_PARTNER)} 0 1`) }).waitFor();
    await check(alex, 'summary-choices');

    // Account pages.
    await alex.getByRole('navigation', { name: T('Main') }).getByRole('link', { name: T('Account') }).click();
    await check(alex, 'account');
    for (const [name, slug] of [
      ["Devices you're signed in on", 'account-devices'],
      ['Change your password', 'account-password'],
      ['Two-step sign-in', 'account-two-factor'],
    ]) {
      await main(alex).getByRole('link', { name: T(name) }).click();
      await check(alex, slug);
      await alex.goBack();
    }

    // The couple page leads to the therapist page.
    await alex.getByRole('navigation', { name: T('Main') }).getByRole('link', { name: T('Couple') }).click();
    await check(alex, 'couple-linked-other-side');
    await main(alex).getByRole('link', { name: T('Your therapist') }).click();
    await check(alex, 'couple-therapist');

    // Sam unlinks, after a confirmation that says what happens.
    await sam.getByRole('navigation', { name: T('Main') }).getByRole('link', { name: T('Couple') }).click();
    await main(sam).getByRole('link', { name: TR('Unlink…') }).click();
    await check(sam, 'unlink-confirm');
    await sam.getByRole('button', { name: T('Yes, unlink') }).click();
    await main(sam).getByRole('button', { name: T('Make an invite code') }).waitFor();
    await check(sam, 'couple-unlinked');
    // Alex is told, calmly, until Alex says okay.
    await alex.goto(BASE + '/');
    await main(alex).getByText(TR('Your partner unlinked your accounts.')).waitFor();
    await check(alex, 'home-partner-unlinked');
    await main(alex).getByRole('button', { name: T('Okay, thank you', 'home-notice-dismiss') }).click();
    await main(alex).getByRole('heading', { level: 1, name: TR('Hello, Alex') }).waitFor();
    assert.equal(await main(alex).getByText(TR('Your partner unlinked your accounts.')).count(), 0);

    // And both sign out.
    for (const page of [sam, alex]) {
      await page.getByRole('button', { name: T('Sign out') }).click();
      await page.getByText(T("You're signed out. See you soon.")).waitFor();
    }
    await check(alex, 'signed-out');

    // A page that does not exist is calm too.
    await alex.goto(BASE + '/no-such-page');
    await check(alex, 'not-found');
    await alex.context().close();
    await sam.context().close();
  });
}

/** The current code of an authenticator app for a base32 `secret` (RFC 6238: SHA-1, 6
 * digits, 30 s), as a therapist's phone would show it. */
function totp(secret, now = Date.now()) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret.replace(/[\s=]/g, '').toUpperCase()) {
    bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  }
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const step = Buffer.alloc(8);
  step.writeBigUInt64BE(BigInt(Math.floor(now / 30000)));
  const h = createHmac('sha1', key).update(step).digest();
  const o = h[h.length - 1] & 15;
  return String((h.readUInt32BE(o) & 0x7fffffff) % 1e6).padStart(6, '0');
}

for (const js of [true, false]) {
  const run = js ? 'JavaScript on' : 'JavaScript off';
  test(`a therapist lands on their dashboard, keeps their sets, reads one before assigning, changes and cancels an exercise (${run})`, async () => {
    const t = await person(js);
    await t.goto(BASE + '/register');
    await t.getByLabel(T('Your name')).fill('Dr Rowan');
    const address = email('Rowan');
    await t.getByLabel(T('Email')).fill(address);
    await t.getByLabel(T('Password')).fill(PASSWORD);
    await t.getByRole('checkbox', { name: TR(/I'm a therapist/) }).check();
    await t.getByRole('checkbox', { name: TR(/Mutual stores what I write/) }).check();
    await t.getByRole('button', { name: T('Create my account') }).click();
    await t.getByLabel(T('Email')).fill(address);
    await t.getByLabel(T('Password')).fill(PASSWORD);
    await t.getByRole('button', { name: T('Sign in') }).click();
    // Straight to their own dashboard, with a menu of their own.
    await t.getByRole('heading', { level: 1, name: T('Your couples') }).waitFor();
    assert.equal(new URL(t.url()).pathname, '/therapist');
    await check(t, 'therapist-dashboard');
    const nav = t.getByRole('navigation', { name: T('Main') });
    for (const name of ['Your couples', 'Question sets', 'Account']) {
      assert.equal(await nav.getByRole('link', { name: T(name), exact: true }).count(), 1, name);
    }
    assert.equal(await nav.getByRole('link', { name: T('Check-ins') }).count(), 0);

    // Two-step sign-in, as an authenticator app would do it.
    await main(t).getByRole('link', { name: T('two-step sign-in') }).click();
    await t.getByRole('button', { name: T('Set it up') }).click();
    const secret = (await t.locator('samp.key').innerText()).trim();
    await t.getByLabel(TR('2. Enter the 6-digit code')).fill(totp(secret));
    await t.getByRole('button', { name: T('Turn on') }).click();
    await t.getByText(T('Two-step sign-in is on.')).waitFor();

    // Their sets: write one, read it, change it.
    await nav.getByRole('link', { name: T('Question sets') }).click();
    await check(t, 'therapist-sets');
    await main(t).getByRole('link', { name: T('Write a set of questions') }).click();
    await check(t, 'therapist-new-set');
    if (js) {
      await t.getByRole('button', { name: T('Save the set') }).click();
      await t.getByRole('alert').first().waitFor();
      await check(t, 'therapist-new-set-errors');
    }
    await t.getByLabel(T('Title')).fill('Our walk');
    const q1 = t.getByRole('group', { name: T('Question 1') });
    await q1.getByLabel(T('Question'), { exact: true }).fill('How close did you feel on the walk?');
    await q1.getByLabel(T('Kind of answer')).selectOption('scale');
    await q1.getByLabel(T('For 1-to-5: words for 1')).fill('Far apart');
    await q1.getByLabel(T('and for 5')).fill('Very close');
    await t.getByRole('button', { name: T('Save the set') }).click();
    await t.getByRole('status').getByText(TR(/Your set is saved/)).waitFor();
    await check(t, 'therapist-sets-saved');
    await main(t).getByRole('link', { name: 'Our walk', exact: true }).click();
    await t.getByRole('heading', { level: 1, name: 'Our walk' }).waitFor();
    await main(t).getByText('How close did you feel on the walk?').waitFor();
    await check(t, 'therapist-set');
    await main(t).getByRole('link', { name: T('Change this set') }).click();
    await check(t, 'therapist-set-edit');
    await t.getByLabel(T('Title')).fill('Our long walk');
    await t.getByRole('button', { name: T('Save the set') }).click();
    await t.getByRole('status').getByText(T('Your changes are saved.')).waitFor();

    // A couple invites them.
    const ana = await person(js);
    const ben = await person(js);
    await signUp(ana, 'Ana');
    const [code] = await makeInvite(ana);
    await signUp(ben, 'Ben');
    await ben.goto(BASE + '/couple');
    await ben.getByLabel(T('Invite code')).fill(code);
    await ben.getByRole('button', { name: T('Link with my partner') }).click();
    await ben.getByRole('button', { name: T('Link with Ana') }).click();
    await main(ben).getByText(linkedWith('Ana')).waitFor();
    await nav.getByRole('link', { name: T('Your couples') }).click();
    const share = (await main(t).getByRole('code').innerText()).trim();
    await ana.goto(BASE + '/couple/therapist');
    await ana.getByLabel(T('Their code')).fill(share);
    await ana.getByRole('button', { name: T('Invite') }).click();
    // Ben is told on his home page, and chooses before seeing Ana's choice.
    await ben.goto(BASE + '/');
    await main(ben).getByText(TR('is invited to support your check-ins')).waitFor();
    await check(ben, 'home-therapist-waiting');
    await main(ben).getByRole('link', { name: TR(/Choose what .* may see/) }).click();
    await main(ben).getByText(TR("you'll see it once you've made yours")).waitFor();
    await ben.getByRole('button', { name: T('Agree') }).click();
    await main(ben).getByText(TR('the lower of your two choices', 'ther-applies')).waitFor();

    // The therapist reads a library set before assigning, then assigns their own.
    await t.reload();
    await main(t).getByRole('link', { name: T('Ana and Ben') }).click();
    await check(t, 'therapist-couple');
    await main(t).getByText(T("Read a set's questions first")).click();
    await main(t).getByRole('link', { name: AFTER, exact: true }).click();
    await t.getByRole('heading', { level: 1, name: AFTER }).waitFor();
    await check(t, 'therapist-set-library');
    await main(t).getByRole('link', { name: T('Back to assigning an exercise') }).click();
    await t.getByLabel(T('Questions'), { exact: true }).selectOption({ label: 'Our long walk' });
    await t.getByLabel(T('How many check-ins')).fill('2');
    await t.getByRole('button', { name: T('Assign') }).click();
    await t.getByRole('status').getByText(TR(/The exercise is assigned/)).waitFor();
    await check(t, 'therapist-couple-assigned');

    // Changes it: the couple sees the change.
    await main(t).getByRole('link', { name: `${T('Change', 'ther-change')} Our long walk` }).click();
    await check(t, 'therapist-exercise-edit');
    await t.getByLabel(TR(/A note for them/)).fill('Gently, whenever it suits you both');
    await t.getByRole('button', { name: T('Save the changes') }).click();
    await t.getByRole('status').getByText(TR(/Your changes to the exercise are saved/)).waitFor();
    await ana.goto(BASE + '/');
    await main(ana).getByText('Gently, whenever it suits you both').waitFor();

    // Cancels it, after a confirmation: the couple no longer sees it.
    await main(t).getByRole('link', { name: `${T('Cancel', 'ther-cancel')} Our long walk` }).click();
    await check(t, 'therapist-exercise-cancel');
    await t.getByRole('button', { name: T('Yes, cancel it') }).click();
    await t.getByRole('status').getByText(TR(/The exercise is cancelled/)).waitFor();
    await ana.goto(BASE + '/');
    assert.equal(await main(ana).getByText(T('From your therapist')).count(), 0);

    // Retires the set, after a confirmation.
    await nav.getByRole('link', { name: T('Question sets') }).click();
    await main(t).getByRole('link', { name: `${T('Retire', 'ther-retire')} Our long walk` }).click();
    await check(t, 'therapist-set-retire');
    await t.getByRole('button', { name: T('Yes, retire it') }).click();
    await t.getByRole('status').getByText(TR(/The set is retired/)).waitFor();
    assert.equal(await main(t).getByRole('link', { name: 'Our long walk', exact: true }).count(), 0);
    for (const page of [t, ana, ben]) await page.context().close();
  });
}

for (const js of [true, false]) {
  const run = js ? 'JavaScript on' : 'JavaScript off';
  test(`a person keeps their menu on a missing page, changes their details, and finds their records (${run})`, async () => {
    const page = await person(js);
    const slug = (s) => (js ? s : `${s}-no-js`);
    await signUp(page, 'Robin');
    const nav = page.getByRole('navigation', { name: T('Main') });

    // A page that does not exist keeps the signed-in header.
    await page.goto(BASE + '/no-such-page');
    await main(page).getByRole('heading', { name: T('Nothing here') }).waitFor();
    await nav.getByRole('link', { name: T('Account') }).waitFor();
    await check(page, slug('not-found-signed-in'));

    // The account page shows the name and email; the name and time zone change together.
    await nav.getByRole('link', { name: T('Account') }).click();
    await main(page).getByText(/robin-.*@example\.org/).first().waitFor();
    await check(page, slug('account-details'));
    await page.getByLabel(T('Your name')).fill('Robin B');
    await page.getByLabel(T('Your time zone')).selectOption('Europe/Paris');
    await page.getByRole('button', { name: T('Save my details') }).click();
    await page.getByText(T('Your details are saved.')).waitFor();
    assert.equal(await page.getByLabel(T('Your time zone')).inputValue(), 'Europe/Paris');
    await nav.getByText(T('Sign out')).waitFor();

    // A new email needs the current password; what was typed stays.
    const address = email('Robin-new');
    await page.getByLabel(T('Email you sign in with')).fill(address);
    await page.getByLabel(T('Your current password')).fill('not my password');
    await page.getByRole('button', { name: T('Change my email') }).click();
    await page.getByText(T("That isn't your current password.")).waitFor();
    assert.equal(await page.getByLabel(T('Email you sign in with')).inputValue(), address);
    await check(page, slug('account-email-error'));
    await page.getByLabel(T('Your current password')).fill(PASSWORD);
    await page.getByRole('button', { name: T('Change my email') }).click();
    await page.getByText(TR(/If no other account uses that address/)).waitFor();
    assert.equal(await page.getByLabel(T('Email you sign in with')).inputValue(), address);

    // The devices page shows times in the chosen zone, without "(UTC)".
    await main(page).getByRole('link', { name: T("Devices you're signed in on") }).click();
    assert.equal(await main(page).getByText('(UTC)').count(), 0);
    await check(page, slug('account-devices-zone'));
    await page.goBack();

    // The access log has a page of its own that outlives a couple; the printable page too.
    await main(page).getByRole('link', { name: T('When a therapist looked', 'acc-log-title') }).click();
    await main(page).getByText(T('No therapist has looked at anything of yours.', 'acc-log-empty')).waitFor();
    await check(page, slug('therapist-log'));
    await page.goto(BASE + '/account/export');
    await check(page, slug('export-printable'));
    await page.context().close();
  });
}

/** Presses Tab until `target` has focus; every stop on the way must show its focus. */
async function tabTo(page, target, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    const outline = await focused.evaluate((el) => {
      const s = getComputedStyle(el);
      return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
    }).catch(() => true); // focus left the document (browser chrome): nothing to show
    assert.ok(outline, `focus is visible at Tab stop ${i + 1}`);
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  assert.fail(`Tab never reached ${target}`);
}

test('a whole check-in with only Tab, Space and Enter (and typing the words)', async () => {
  const kim = await person(true);
  const lee = await person(true);
  await signUp(kim, 'Kim');
  const [code] = await makeInvite(kim);
  await signUp(lee, 'Lee');
  await lee.goto(BASE + '/couple');
  await lee.getByLabel(T('Invite code')).fill(code);
  await lee.getByRole('button', { name: T('Link with my partner') }).click();
  await lee.getByRole('button', { name: T('Link with Kim') }).click();
  await main(lee).getByText(linkedWith('Kim')).waitFor();

  // From here on: keyboard only.
  await kim.goto(BASE + '/');
  await tabTo(kim, main(kim).getByRole('link', { name: T('Start a check-in') }));
  await kim.keyboard.press('Enter');
  await kim.getByRole('heading', { name: T('Start a check-in') }).waitFor();
  await tabTo(kim, kim.getByRole('radio', { name: AFTER_RADIO }));
  await kim.keyboard.press('Space');
  assert.ok(await kim.getByRole('radio', { name: AFTER_RADIO }).isChecked());
  await tabTo(kim, kim.getByRole('button', { name: T('Start'), exact: true }));
  await kim.keyboard.press('Enter');
  await kim.getByRole('heading', { level: 1, name: AFTER }).waitFor();
  await tabTo(kim, kim.getByRole('textbox', { name: HOW_WAS_IT }));
  await kim.keyboard.type('Easy and kind');
  await tabTo(kim, kim.getByRole('textbox', { name: ENJOYABLE }));
  await kim.keyboard.type('Just for me');
  await tabTo(kim, kim.getByRole('checkbox', { name: KEEP_ENJOYABLE_PRIVATE() }));
  await kim.keyboard.press('Space');
  await tabTo(kim, kim.getByRole('button', { name: T('Save my answers') }));
  await kim.keyboard.press('Enter');
  await kim.getByText(TR('Your answers are saved')).waitFor();

  await lee.goto(BASE + '/');
  await tabTo(lee, main(lee).getByRole('link', { name: new RegExp(esc(AFTER)) }));
  await lee.keyboard.press('Enter');
  await lee.getByRole('heading', { level: 1, name: AFTER }).waitFor();
  await tabTo(lee, lee.getByRole('textbox', { name: HOW_WAS_IT }));
  await lee.keyboard.type('Slow and lovely');
  await tabTo(lee, lee.getByRole('button', { name: T('Save my answers') }));
  await lee.keyboard.press('Enter');
  await lee.getByText(TR('Here are your answers side by side')).waitFor();
  await main(lee).getByText('Easy and kind').waitFor();
  assert.equal(await lee.getByText('Just for me').count(), 0);
  await kim.context().close();
  await lee.context().close();
});

test('the audit is live: axe flags a page with an unlabelled field and no language', async () => {
  const found = await auditOnly('<!doctype html><html><head><title>x</title></head><body><main><h1>x</h1><input type="text"></main></body></html>');
  assert.ok(found.includes('label'), found.join(', '));
  assert.ok(found.includes('html-has-lang'), found.join(', '));
});

// Noted page by page by check() (lib.mjs), failed here, so one run lists every page. In
// English there is nothing to look for (check() asserts each page's lang either way), so
// the English run checks only that the pages were seen.
test(`no page in this run's language shows a sentence of the English catalogue (${LANG})`, () => {
  const found = [...report.english].map(([sentence, pages]) => `${sentence} on ${[...pages].join(', ')}`);
  assert.deepEqual(found, []);
  assert.ok(report.pages.size >= 20, `checked ${report.pages.size} pages`);
});

test('nothing was asked of any host but the app', () => {
  assert.deepEqual(report.foreign, []);
  assert.ok(report.pages.size >= 20, `checked ${report.pages.size} pages`);
});
