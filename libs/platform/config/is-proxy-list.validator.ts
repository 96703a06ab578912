import { isIP } from 'node:net';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/** One address (IPv4 or IPv6) or a network of them in CIDR form, such as 10.0.0.0/8 or fd00::/8. */
function isAddressOrNetwork(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/** A comma-separated list of addresses and CIDR networks; empty means none. */
export function IsProxyList(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isProxyList',
      target: target.constructor,
      propertyName,
      options: { message: 'must be a comma-separated list of IP addresses or CIDR networks (e.g. 10.0.0.5,10.1.0.0/16), or empty', ...options },
      validator: {
        validate(value: unknown) {
          return Array.isArray(value) && value.every((entry) => typeof entry === 'string' && isAddressOrNetwork(entry));
        },
      },
    });
}
