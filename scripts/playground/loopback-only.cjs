// Preloaded into Microsoft 365 Agents Playground (`node --require`): the tool has no host option and listens
// on every interface; a local demo of partnership data should be reachable from this machine only.
'use strict';
const net = require('node:net');

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const [first, second] = args;
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    if (typeof second !== 'string') return listen.call(this, first, '127.0.0.1', ...args.slice(1));
  } else if (first && typeof first === 'object' && !('fd' in first) && first.host === undefined) {
    return listen.call(this, { ...first, host: '127.0.0.1' }, ...args.slice(1));
  }
  return listen.apply(this, args);
};
