// Policy limiters for backflow (R17): a byte-rate token bucket for the bandwidth limit and a
// message-rate one for the send frequency. Pure: the clock is injected, nothing sleeps here;
// the caller waits the returned milliseconds and asks again.

/** Kbit/s → bytes/s (1 Kbit = 1000 bits); null (unlimited) stays null. */
export function kbpsToBytesPerSecond(kbps) {
  return kbps === null || kbps === undefined ? null : (kbps * 1000) / 8;
}

function isUnlimited(rate) {
  return rate === null || rate === undefined || rate === Infinity;
}

function checkRate(rate) {
  if (!isUnlimited(rate) && !(typeof rate === "number" && rate > 0)) {
    throw new RangeError(`rate must be a positive number, null or Infinity (got ${rate})`);
  }
}

// Float refill arithmetic can leave a hair below the target after waiting exactly the time
// take() asked for; this tolerance keeps that wait from turning into a second one.
const EPSILON = 1e-9;

/**
 * A token bucket that starts full (`burst` tokens) and refills at `ratePerSecond`.
 *
 * take(n): when the bucket holds at least min(n, burst) tokens, deducts n and returns 0;
 * otherwise deducts nothing and returns the milliseconds until it will hold min(n, burst).
 * A request larger than `burst` therefore passes once the bucket is full and leaves it in debt
 * (negative), which later requests repay by waiting: over any window of t seconds the bucket
 * admits at most burst + rate×t, plus the excess of at most one oversized request.
 */
export class TokenBucket {
  constructor({ ratePerSecond, burst, now = () => performance.now() }) {
    this.now = now;
    this.setRate(ratePerSecond, burst);
  }

  get unlimited() {
    return isUnlimited(this.rate);
  }

  /** Changes the limit from now on; tokens earned so far are kept, capped to the new burst. */
  setRate(ratePerSecond, burst) {
    checkRate(ratePerSecond);
    const wasLimited = this.rate !== undefined && !this.unlimited;
    if (wasLimited) this.refill();
    this.rate = isUnlimited(ratePerSecond) ? null : ratePerSecond;
    // Default burst: one second's worth, the smallest that lets the full rate through.
    this.burst = this.rate === null ? Infinity : Math.max(burst ?? this.rate, EPSILON);
    this.tokens = wasLimited ? Math.min(this.tokens, this.burst) : this.burst;
    this.last = this.now();
  }

  refill() {
    const at = this.now();
    const elapsed = Math.max(0, at - this.last) / 1000;
    this.last = Math.max(this.last, at);
    this.tokens = Math.min(this.burst, this.tokens + elapsed * this.rate);
  }

  /** Milliseconds to wait before `n` can be taken; 0 means taken (deducted) now. */
  take(n = 1) {
    if (this.unlimited) return 0;
    this.refill();
    const need = Math.min(n, this.burst);
    if (this.tokens + EPSILON >= need) {
      this.tokens -= n;
      return 0;
    }
    return Math.ceil(((need - this.tokens) / this.rate) * 1000);
  }

  /** take() without the wait: true when the tokens were deducted. */
  tryTake(n = 1) {
    return this.take(n) === 0;
  }
}

/**
 * "At most perMinute messages per minute" as a token bucket of perMinute/60 per second with a
 * burst of perMinute. Chosen over a sliding 60 s window because it holds O(1) state (a window
 * keeps a timestamp per message, up to 1,000,000 a minute) and, once the burst is spent, it
 * spaces messages evenly (one every 60/perMinute s) instead of releasing a whole minute's
 * worth at each window edge. The cost: right after an idle minute, a 60 s window can see up to
 * 2×perMinute (the saved burst plus the refill); the long-run average is exactly perMinute.
 */
export class FrequencyLimiter {
  constructor({ perMinute = null, now = () => performance.now() } = {}) {
    this.bucket = new TokenBucket({ ratePerSecond: null, now });
    this.setLimit(perMinute);
  }

  get perMinute() {
    return this.bucket.unlimited ? null : this.bucket.rate * 60;
  }

  /** null = unlimited. */
  setLimit(perMinute) {
    const limited = !isUnlimited(perMinute);
    this.bucket.setRate(limited ? perMinute / 60 : null, limited ? perMinute : undefined);
  }

  /** Milliseconds to wait before `n` messages may be sent; 0 means taken now. */
  take(n = 1) {
    return this.bucket.take(n);
  }

  tryTake(n = 1) {
    return this.bucket.tryTake(n);
  }
}
