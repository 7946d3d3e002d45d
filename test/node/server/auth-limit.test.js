// The failed-token limiter: an address at its limit stays there however many other
// addresses fail meanwhile, and all addresses together guess no faster than a
// global budget, while an address that sent the right token still gets in.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import {
  AUTH_FAILURE_BURST,
  AUTH_FAILURE_REFILL_MS,
  FailedAuthLimiter,
  GLOBAL_FAILURE_BURST,
} from '../../../dist/server/admin.js';
import { startServer, TOKEN } from './helpers.js';

/** A GET /admin/templates from the loopback address `from`, on its own connection. */
function adminFrom(base, from, token) {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      `${base}/admin/templates`,
      { localAddress: from, agent: false, headers: { authorization: `Bearer ${token}` } },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode));
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** 127.1.x.y: loopback addresses other than the test's own. */
const address = (n) => `127.1.${Math.floor(n / 250)}.${(n % 250) + 1}`;

describe('the failed-token limiter', () => {
  test('an address at its limit is not forgotten while the table is full of other addresses', () => {
    const limiter = new FailedAuthLimiter(100, Infinity);
    const start = 1_000_000;
    for (let n = 0; n < AUTH_FAILURE_BURST; n += 1) limiter.fail('attacker', start);
    assert.ok(limiter.waitFor('attacker', start) > 0);
    for (let n = 0; n < 10_000; n += 1) {
      if (limiter.waitFor(`other ${n}`, start) === 0) limiter.fail(`other ${n}`, start);
    }
    const later = start + AUTH_FAILURE_REFILL_MS / 2;
    assert.ok(limiter.waitFor('attacker', later) > 0, 'still at its limit');
    assert.ok(limiter.waitFor('newcomer', later) > 0, 'refused while every slot is spending');
    // Once the others' single failures have refilled, their slots are free again.
    const refilled = start + AUTH_FAILURE_REFILL_MS;
    assert.equal(limiter.waitFor('newcomer', refilled), 0);
    limiter.fail('newcomer', refilled);
    assert.ok(
      limiter.waitFor('attacker', refilled + 1) < AUTH_FAILURE_REFILL_MS,
      'one refill, no burst',
    );
    limiter.fail('attacker', refilled + 1);
    assert.ok(limiter.waitFor('attacker', refilled + 1) > 0, 'its one refilled token is spent');
  });

  test(`over HTTP: 10,000 other addresses failing once give an address at 429 no new burst; at most ${GLOBAL_FAILURE_BURST} wrong tokens pass in all`, async () => {
    const ctx = await startServer();
    try {
      const trusted = '127.0.0.9';
      assert.equal(await adminFrom(ctx.base, trusted, TOKEN), 200);
      const attacker = '127.0.0.2';
      let status;
      let tries = 0;
      do status = await adminFrom(ctx.base, attacker, `guess-${(tries += 1)}`);
      while (status === 401 && tries < 1000);
      assert.equal(status, 429, `refused after ${tries}`);
      const counts = { 401: 0, 429: 0 };
      let next = 0;
      const lane = async () => {
        while (next < 10_000) {
          const n = next++;
          counts[await adminFrom(ctx.base, address(n), `other-${n}`)] += 1;
        }
      };
      await Promise.all(Array.from({ length: 32 }, lane));
      assert.ok(
        counts[401] <= GLOBAL_FAILURE_BURST - tries + 1 + 60,
        `${counts[401]} wrong tokens answered 401 past the global budget`,
      );
      assert.equal(counts[401] + counts[429], 10_000);
      assert.equal(await adminFrom(ctx.base, attacker, 'guess-again'), 429, 'no fresh burst');
      assert.equal(await adminFrom(ctx.base, attacker, TOKEN), 429, 'no oracle either');
      assert.equal(
        await adminFrom(ctx.base, address(20_000), TOKEN),
        429,
        'a new address waits too',
      );
      assert.equal(await adminFrom(ctx.base, trusted, TOKEN), 200, 'a known admin still gets in');
    } finally {
      await ctx.close();
    }
  });
});
