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
