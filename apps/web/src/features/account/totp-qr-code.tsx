import { useMemo } from 'react';
import { renderSVG } from 'uqr';

/**
 * The otpauth:// URI as a QR code for the authenticator app to scan. Always dark on white, whatever the
 * theme: some scanners cannot read an inverted code.
 */
export function TotpQrCode({ uri }: { uri: string }) {
  const src = useMemo(
    () => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderSVG(uri, { border: 2 }))}`,
    [uri],
  );
  return (
    <img
      src={src}
      alt="QR code of the setup key, for your authenticator app to scan"
      width={176}
      height={176}
      className="size-44 rounded-md border border-line bg-white"
    />
  );
}
