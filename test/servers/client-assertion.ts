// How the Entra stand-in checks a client assertion (RFC 7523, as Entra documents it under "Microsoft
// identity platform application authentication certificate credentials"): a JWT signed with the key of a
// certificate registered for the app, named by its thumbprint (`x5t`, SHA-1, or `x5t#S256`), with the app as
// issuer and subject and the token endpoint as audience, not expired.
import { constants, createHash, createVerify, type X509Certificate } from 'node:crypto';

/** Why the assertion is refused (an AADSTS code and words), or null when it is good. */
export function assertionProblem(
  assertion: string,
  certificate: X509Certificate,
  clientId: string,
  tokenEndpoint: string,
): string | null {
  const [head, body, signature] = assertion.split('.');
  if (!head || !body || !signature) return 'AADSTS50027: the client assertion is not a JWT';
  const header = JSON.parse(Buffer.from(head, 'base64url').toString()) as Record<string, string>;
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
  const thumbprint = (algorithm: string) => createHash(algorithm).update(certificate.raw).digest('base64url');
  const named = header['x5t#S256'] === thumbprint('sha256') || header['x5t'] === thumbprint('sha1');
  if (!named) return 'AADSTS700027: the assertion names no certificate registered for the application';
  const padding =
    header['alg'] === 'PS256'
      ? { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST }
      : header['alg'] === 'RS256'
        ? { padding: constants.RSA_PKCS1_PADDING }
        : null;
  if (!padding) return `AADSTS700027: unsupported assertion algorithm ${header['alg']}`;
  const signed = createVerify('RSA-SHA256')
    .update(`${head}.${body}`)
    .verify({ key: certificate.publicKey, ...padding }, Buffer.from(signature, 'base64url'));
  if (!signed) return 'AADSTS700027: the client assertion contains an invalid signature';
  if (claims['iss'] !== clientId || claims['sub'] !== clientId)
    return 'AADSTS700021: the assertion is not issued by the application';
  if (claims['aud'] !== tokenEndpoint)
    return `AADSTS700024: the assertion's audience is not ${tokenEndpoint}`;
  if (typeof claims['exp'] !== 'number' || claims['exp'] < Date.now() / 1000)
    return 'AADSTS700024: the client assertion has expired';
  return null;
}
