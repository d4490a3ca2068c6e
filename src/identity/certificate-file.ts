// What a certificate file must hold for a client assertion, checked before start-up rather than at the
// first reply: Entra's refusal of a bad assertion says little, and would come only when someone is waiting.
import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';

/** Why `pem` cannot sign the app's assertions, or null when it can. */
export function certificateProblem(pem: string, now = new Date()): string | null {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(pem);
  } catch {
    return 'holds no PEM certificate (it needs the certificate and its private key, both PEM)';
  }
  let key;
  try {
    key = createPrivateKey(pem);
  } catch {
    return 'holds no unencrypted PEM private key (it needs the certificate and its private key, both PEM)';
  }
  const fromKey = createPublicKey(key).export({ format: 'der', type: 'spki' });
  const fromCertificate = certificate.publicKey.export({ format: 'der', type: 'spki' });
  if (!fromKey.equals(fromCertificate)) return "the private key is not the certificate's key";
  if (new Date(certificate.validTo) < now) return `the certificate expired on ${certificate.validTo}`;
  if (new Date(certificate.validFrom) > now)
    return `the certificate is not valid until ${certificate.validFrom}`;
  return null;
}
