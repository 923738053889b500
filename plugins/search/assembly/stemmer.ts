// English stemming: Martin Porter's 1980 algorithm ("An algorithm for suffix stripping"), hand-ported
// from his reference C implementation to work in place on a byte buffer. RediSearch uses Snowball's
// English (Porter2) stemmer; the two agree on most words (connection/connected/connecting → connect,
// ponies → poni) and differ on a few (Porter2's exception list, `-ly` handling): ADR 0034.
// Terms shorter than 3 bytes, or holding a byte outside a-z, are left alone.

const b = memory.data(160);
let k: i32 = 0;
let j: i32 = 0;

export let stemPtr: usize = b;
export let stemLen: i32 = 0;

/**
 * Stems the lower-case term of `len` bytes at `ptr` into stemPtr/stemLen. Returns false when the stem is
 * the term itself.
 */
export function stem(ptr: usize, len: i32): bool {
  if (len < 3 || len > 128) return false;
  for (let i = 0; i < len; i++) {
    const c = load<u8>(ptr + <usize>i);
    if (c < 97 || c > 122) return false;
  }
  memory.copy(b, ptr, <usize>len);
  k = len - 1;
  step1ab();
  if (k > 0) {
    step1c(); step2(); step3(); step4(); step5();
  }
  stemLen = k + 1;
  return stemLen != len || memory.compare(b, ptr, <usize>len) != 0;
}

// @ts-ignore: decorator
@inline function at(i: i32): u32 { return <u32>load<u8>(b + <usize>i); }

function cons(i: i32): bool {
  const c = at(i);
  if (c == 97 || c == 101 || c == 105 || c == 111 || c == 117) return false;
  if (c == 121) return i == 0 ? true : !cons(i - 1);
  return true;
}

/** The number of consonant-vowel sequences in b[0..j]. */
function m(): i32 {
  let n = 0, i = 0;
  while (true) {
    if (i > j) return n;
    if (!cons(i)) break;
    i++;
  }
  i++;
  while (true) {
    while (true) {
      if (i > j) return n;
      if (cons(i)) break;
      i++;
    }
    i++;
    n++;
    while (true) {
      if (i > j) return n;
      if (!cons(i)) break;
      i++;
    }
    i++;
  }
}

function vowelInStem(): bool {
  for (let i = 0; i <= j; i++) if (!cons(i)) return true;
  return false;
}

function doubleC(i: i32): bool { return i >= 1 && at(i) == at(i - 1) && cons(i); }

function cvc(i: i32): bool {
  if (i < 2 || !cons(i) || cons(i - 1) || !cons(i - 2)) return false;
  const c = at(i);
  return c != 119 && c != 120 && c != 121;
}

function ends(s: string): bool {
  const l = s.length;
  if (l > k + 1) return false;
  for (let i = 0; i < l; i++) if (at(k - l + 1 + i) != <u32>s.charCodeAt(i)) return false;
  j = k - l;
  return true;
}

function setTo(s: string): void {
  const l = s.length;
  for (let i = 0; i < l; i++) store<u8>(b + <usize>(j + 1 + i), <u8>s.charCodeAt(i));
  k = j + l;
}

function r(s: string): void { if (m() > 0) setTo(s); }

function step1ab(): void {
  if (at(k) == 115) { // s
    if (ends("sses")) k -= 2;
    else if (ends("ies")) setTo("i");
    else if (k >= 1 && at(k - 1) != 115) k--;
  }
  if (ends("eed")) { if (m() > 0) k--; }
  else if ((ends("ed") || ends("ing")) && vowelInStem()) {
    k = j;
    if (ends("at")) setTo("ate");
    else if (ends("bl")) setTo("ble");
    else if (ends("iz")) setTo("ize");
    else if (doubleC(k)) {
      k--;
      const c = at(k);
      if (c == 108 || c == 115 || c == 122) k++; // l, s, z stay doubled
    } else if (m() == 1 && cvc(k)) setTo("e");
  }
}

function step1c(): void { if (ends("y") && vowelInStem()) store<u8>(b + <usize>k, 105); }

function step2(): void {
  if (k < 1) return;
  switch (at(k - 1)) {
    case 97: if (ends("ational")) { r("ate"); break; } if (ends("tional")) { r("tion"); break; } break;
    case 99: if (ends("enci")) { r("ence"); break; } if (ends("anci")) { r("ance"); break; } break;
    case 101: if (ends("izer")) { r("ize"); break; } break;
    case 108: if (ends("bli")) { r("ble"); break; } if (ends("alli")) { r("al"); break; } if (ends("entli")) { r("ent"); break; }
      if (ends("eli")) { r("e"); break; } if (ends("ousli")) { r("ous"); break; } break;
    case 111: if (ends("ization")) { r("ize"); break; } if (ends("ation")) { r("ate"); break; } if (ends("ator")) { r("ate"); break; } break;
    case 115: if (ends("alism")) { r("al"); break; } if (ends("iveness")) { r("ive"); break; } if (ends("fulness")) { r("ful"); break; }
      if (ends("ousness")) { r("ous"); break; } break;
    case 116: if (ends("aliti")) { r("al"); break; } if (ends("iviti")) { r("ive"); break; } if (ends("biliti")) { r("ble"); break; } break;
    case 103: if (ends("logi")) { r("log"); break; } break;
  }
}

function step3(): void {
  switch (at(k)) {
    case 101: if (ends("icate")) { r("ic"); break; } if (ends("ative")) { r(""); break; } if (ends("alize")) { r("al"); break; } break;
    case 105: if (ends("iciti")) { r("ic"); break; } break;
    case 108: if (ends("ical")) { r("ic"); break; } if (ends("ful")) { r(""); break; } break;
    case 115: if (ends("ness")) { r(""); break; } break;
  }
}

function step4(): void {
  if (k >= 1 && step4Suffix() && m() > 1) k = j;
}

// The suffix step 4 removes, if the word has one (ends() leaves the stem's end in j). Returns a
// boolean rather than `break`ing out of the switch: AssemblyScript's `if (…) break;` inside a case
// did not reach the code after the switch, so step 4 never removed anything.
function step4Suffix(): bool {
  switch (at(k - 1)) {
    case 97: return ends("al");
    case 99: return ends("ance") || ends("ence");
    case 101: return ends("er");
    case 105: return ends("ic");
    case 108: return ends("able") || ends("ible");
    case 110: return ends("ant") || ends("ement") || ends("ment") || ends("ent");
    case 111: return (ends("ion") && j >= 0 && (at(j) == 115 || at(j) == 116)) || ends("ou");
    case 115: return ends("ism");
    case 116: return ends("ate") || ends("iti");
    case 117: return ends("ous");
    case 118: return ends("ive");
    case 122: return ends("ize");
    default: return false;
  }
}

function step5(): void {
  j = k;
  if (at(k) == 101) {
    const a = m();
    if (a > 1 || (a == 1 && !cvc(k - 1))) k--;
  }
  if (at(k) == 108 && doubleC(k) && m() > 1) k--;
}
