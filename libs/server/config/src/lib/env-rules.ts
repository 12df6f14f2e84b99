/** Small, explicit readers for environment variables: each failure names the variable and the rule. */
export type Env = Record<string, string | undefined>;

export class EnvReader {
  readonly problems: string[] = [];

  constructor(private readonly env: Env) {}

  private raw(name: string): string | undefined {
    const v = this.env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  }

  string(name: string, fallback: string): string;
  string(name: string): string | undefined;
  string(name: string, fallback?: string): string | undefined {
    return this.raw(name) ?? fallback;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
      this.problems.push(`${name}: must be a whole number from ${min} to ${max} (got "${v}")`);
      return fallback;
    }
    return Number(v);
  }

  bool(name: string, fallback: boolean): boolean {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(v.toLowerCase())) return true;
    if (['0', 'false', 'no', 'off'].includes(v.toLowerCase())) return false;
    this.problems.push(`${name}: must be true or false (got "${v}")`);
    return fallback;
  }

  url(name: string, fallback: string, protocols?: string[]): string;
  url(name: string, fallback: undefined, protocols?: string[]): string | undefined;
  url(name: string, fallback: string | undefined, protocols: string[] = ['http:', 'https:']): string | undefined {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    try {
      const u = new URL(v);
      if (!protocols.includes(u.protocol)) throw new Error('protocol');
      return v.replace(/\/+$/, '');
    } catch {
      this.problems.push(`${name}: must be a URL starting with ${protocols.map((p) => p + '//').join(' or ')} (got "${redactUrl(v)}")`);
      return fallback;
    }
  }

  oneOfList<T extends string>(name: string, allowed: readonly T[], fallback: T[]): T[] {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    const items = v.split(',').map((s) => s.trim()).filter(Boolean);
    const bad = items.filter((i) => !allowed.includes(i as T));
    if (bad.length || items.length === 0) {
      this.problems.push(`${name}: must be a comma-separated list of ${allowed.join(', ')} (got "${v}")`);
      return fallback;
    }
    return [...new Set(items)] as T[];
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    if (!allowed.includes(v as T)) {
      this.problems.push(`${name}: must be one of ${allowed.join(', ')} (got "${v}")`);
      return fallback;
    }
    return v as T;
  }

  /**
   * Reverse proxies to trust: `false`/`0` (none), a hop count (1–10), or a comma-separated list of
   * IP addresses, CIDR subnets or Express's names `loopback`, `linklocal`, `uniquelocal`.
   */
  trustProxy(name: string): false | number | string[] {
    const v = this.raw(name);
    if (v === undefined || ['false', 'no', 'off', '0'].includes(v.toLowerCase())) return false;
    if (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 10) return Number(v);
    const items = v.split(',').map((s) => s.trim()).filter(Boolean);
    const named = ['loopback', 'linklocal', 'uniquelocal'];
    const ipv4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}(\/([12]?\d|3[0-2]))?$/;
    const ipv6 = /^[0-9a-fA-F:]*:[0-9a-fA-F:.]*(\/(\d{1,2}|1[01]\d|12[0-8]))?$/;
    const bad = items.filter((i) => !named.includes(i) && !ipv4.test(i) && !ipv6.test(i));
    if (items.length === 0 || bad.length) {
      this.problems.push(`${name}: must be the number of proxies in front (1–10) or a comma-separated list of their addresses or subnets, e.g. 10.0.0.5,loopback — "true" (any hop) is not accepted, as it lets a client choose its own address (got "${v}")`);
      return false;
    }
    return items;
  }

  /** A 256-bit key: 64 hex characters or base64 of 32 bytes; never echoed back. */
  key(name: string): string | undefined {
    const v = this.raw(name);
    if (v === undefined) return undefined;
    const isHex = /^[0-9a-fA-F]{64}$/.test(v);
    const isBase64 = /^[A-Za-z0-9+/]{43}=?$/.test(v);
    if (!isHex && !isBase64) this.problems.push(`${name}: must be 32 bytes written as 64 hex characters or in base64`);
    return v;
  }

  /** A secret: checked for length, never echoed back in the message. */
  secret(name: string, minLength: number): string | undefined {
    const v = this.raw(name);
    if (v === undefined) return undefined;
    if (v.length < minLength) this.problems.push(`${name}: must be at least ${minLength} characters long`);
    return v;
  }
}

/** Hides the password of a connection URL so a config error never prints it. */
export function redactUrl(value: string): string {
  return value.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}
