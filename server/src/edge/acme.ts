// Certificates for PLENARY_DOMAIN from an ACME CA (Let's Encrypt by default), answered over
// HTTP-01 by Plenary's own plain listener. The account key and the certificate live in the data
// directory, so a restart serves the kept certificate instead of asking the CA again.
import { mkdir, readFile } from 'node:fs/promises';
import { get as httpGet } from 'node:http';
import { Agent, get as httpsGet } from 'node:https';
import { join } from 'node:path';
import * as acme from 'acme-client';
import type { Logger } from '../logger.ts';
import { fingerprintOf, lifetimeLeft, parseCertificate, type ServedCertificate } from './certificate.ts';
import type { Challenges } from './httpListener.ts';
import { writeAtomically } from './keptFile.ts';

/** Renew once less than this share of the lifetime is left (Let's Encrypt's 90 days: at 30). */
export const RENEW_WHEN_LEFT = 1 / 3;
/** After a failed attempt the CA is asked again no sooner than this: its rate limits count failures. */
const RETRY_AFTER_FAILURE_MS = 60 * 60 * 1000;

export interface AcmeOptions {
  domain: string;
  directoryUrl: string;
  email: string | undefined;
  /** PEM of the CA that signed the ACME directory's own https certificate (a private ACME server) */
  directoryCa: string | undefined;
  /** the folder the account key and certificate are kept in */
  dir: string;
  challenges: Challenges;
  logger: Logger;
  now: () => number;
  /** acme-client retries a failed request 5 times over ~75 s and polls every 5–30 s; tests go faster */
  patience?: { requestRetries: number; pollMs: number; retryAfterFailureMs: number };
}

interface AcmeSettings {
  retryMaxAttempts: number;
}

export class AcmeCertificates {
  readonly #options: AcmeOptions;
  readonly #agent: Agent | undefined;
  #served: ServedCertificate | undefined;
  #notBefore = 0;
  #attempt: Promise<ServedCertificate | undefined> | undefined;

  constructor(options: AcmeOptions) {
    this.#options = options;
    // acme-client makes its requests through one module-wide axios instance: one ACME setup per process.
    const defaults = acme.axios.defaults as typeof acme.axios.defaults & { acmeSettings: AcmeSettings };
    this.#agent = options.directoryCa ? new Agent({ ca: options.directoryCa }) : undefined;
    if (this.#agent) defaults.httpsAgent = this.#agent;
    if (options.patience) defaults.acmeSettings.retryMaxAttempts = options.patience.requestRetries;
  }

  get #certFile() {
    return join(this.#options.dir, `${this.#options.domain}.crt`);
  }
  get #keyFile() {
    return join(this.#options.dir, `${this.#options.domain}.key`);
  }

  /**
   * The certificate to start serving: the kept one, renewed first if due. With none kept (or an
   * unusable one) the CA must answer now, and a failure stops the start with its reason.
   */
  async start(): Promise<ServedCertificate> {
    this.#served = await this.#readKept();
    if (this.#served) {
      this.#options.logger.info(
        { domain: this.#options.domain, fingerprint: fingerprintOf(this.#served), validTo: this.#served.leaf.validTo },
        'serving the kept ACME certificate',
      );
      return (await this.renewIfDue()) ?? this.#served;
    }
    try {
      return await this.#obtain();
    } catch (error) {
      throw new Error(
        `PLENARY_DOMAIN=${this.#options.domain}: no certificate from ${this.#options.directoryUrl}: ${await this.#explain(error)}`,
      );
    }
  }

  /** A new certificate when the current one is due for renewal and the CA answered; else undefined. */
  renewIfDue(): Promise<ServedCertificate | undefined> {
    const now = this.#options.now();
    const served = this.#served;
    if (served && lifetimeLeft(served, now) >= RENEW_WHEN_LEFT) return Promise.resolve(undefined);
    if (now < this.#notBefore) return Promise.resolve(undefined);
    this.#attempt ??= this.#obtain()
      .catch(async (error: unknown) => {
        this.#notBefore = now + (this.#options.patience?.retryAfterFailureMs ?? RETRY_AFTER_FAILURE_MS);
        this.#options.logger.error(
          {
            domain: this.#options.domain,
            directory: this.#options.directoryUrl,
            err: await this.#explain(error),
            validTo: served?.leaf.validTo,
            retryAt: new Date(this.#notBefore).toISOString(),
          },
          'ACME certificate renewal failed: still serving the current certificate',
        );
        return undefined;
      })
      .finally(() => {
        this.#attempt = undefined;
      });
    return this.#attempt;
  }

  async #obtain(): Promise<ServedCertificate> {
    const { domain, directoryUrl, email, challenges, logger, patience } = this.#options;
    const client = new acme.Client({
      directoryUrl,
      accountKey: await this.#accountKey(),
      ...(patience ? { backoffMin: patience.pollMs, backoffMax: patience.pollMs } : {}),
    });
    const [key, csr] = await acme.crypto.createCsr(
      { commonName: domain, altNames: [domain] },
      await acme.crypto.createPrivateEcdsaKey(),
    );
    const cert = await client.auto({
      csr,
      ...(email ? { email } : {}),
      termsOfServiceAgreed: true,
      challengePriority: ['http-01'],
      // The CA checks the challenge itself; this machine often cannot reach its own public name.
      skipChallengeVerification: true,
      challengeCreateFn: async (_authz, challenge, keyAuthorization) => {
        challenges.set(challenge.token, keyAuthorization);
      },
      challengeRemoveFn: async (_authz, challenge) => {
        challenges.delete(challenge.token);
      },
    });
    const served = parseCertificate(cert, key.toString(), `the certificate ${directoryUrl} issued for ${domain}`);
    await this.#keep(served);
    this.#served = served;
    logger.info(
      { domain, fingerprint: fingerprintOf(served), validTo: served.leaf.validTo },
      'ACME certificate obtained',
    );
    return served;
  }

  /**
   * acme-client loses the cause of a request that got no answer at all (it reports a TypeError of
   * its own), so a failure is explained by asking the directory once: unreachable, or what the CA said.
   */
  async #explain(error: unknown): Promise<string> {
    const url = this.#options.directoryUrl;
    const unreachable = await new Promise<string | undefined>((resolve) => {
      const request = url.startsWith('https:')
        ? httpsGet(url, this.#agent ? { agent: this.#agent } : {})
        : httpGet(url);
      request.setTimeout(10_000, () => request.destroy(new Error('no answer within 10 s')));
      request.once('response', (response) => {
        response.resume();
        resolve(undefined);
      });
      request.once('error', (cause: NodeJS.ErrnoException) => resolve(cause.message));
    });
    return unreachable ? `the CA cannot be reached (${unreachable})` : describe(error);
  }

  async #readKept(): Promise<ServedCertificate | undefined> {
    try {
      const [cert, key] = await Promise.all([readFile(this.#certFile, 'utf8'), readFile(this.#keyFile, 'utf8')]);
      const served = parseCertificate(cert, key, this.#certFile);
      return served.leaf.checkHost(this.#options.domain) ? served : undefined;
    } catch {
      return undefined;
    }
  }

  async #keep(served: ServedCertificate): Promise<void> {
    await mkdir(this.#options.dir, { recursive: true });
    // The key first: a crash between the two writes leaves a pair that fails the check and is replaced.
    await writeAtomically(this.#keyFile, served.key, 'key');
    await writeAtomically(this.#certFile, served.cert, 'certificate');
  }

  async #accountKey(): Promise<Buffer> {
    const file = join(this.#options.dir, 'acme-account.key');
    try {
      return await readFile(file);
    } catch {
      const key = await acme.crypto.createPrivateEcdsaKey();
      await mkdir(this.#options.dir, { recursive: true });
      await writeAtomically(file, key.toString(), 'key');
      return key;
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
