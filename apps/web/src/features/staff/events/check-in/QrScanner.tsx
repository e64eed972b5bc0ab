import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Text } from '@mantine/core';

/**
 * The camera view that reads a ticket QR code: @zxing/browser (a maintained port of ZXing) is loaded
 * only when this opens, so the check-in page stays light. Calls `onText` with the first code read,
 * then stops the camera. Kept small: everything after the decode lives in the page.
 */
export function QrScanner({ onText }: { onText: (text: string) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  const done = useRef(onText);
  useEffect(() => {
    done.current = onText;
  }, [onText]);

  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    void (async () => {
      try {
        const { BrowserQRCodeReader } = await import('@zxing/browser');
        if (cancelled || !video.current) return;
        const controls = await new BrowserQRCodeReader().decodeFromVideoDevice(undefined, video.current, (result, _error, ctl) => {
          if (!result) return;
          ctl.stop();
          done.current(result.getText());
        });
        if (cancelled) controls.stop();
        else stop = () => controls.stop();
      } catch {
        if (!cancelled) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
      stop?.();
    };
  }, []);

  if (failed) return <Alert role="alert" color="red" variant="light">{t('staffEvents.scan.cameraFailed')}</Alert>;
  return (
    <div>
      <video ref={video} muted playsInline aria-label={t('staffEvents.scan.cameraView')} style={{ width: '100%', maxWidth: 420, borderRadius: 8 }} />
      <Text size="sm" c="dimmed">{t('staffEvents.scan.aim')}</Text>
    </div>
  );
}

/** A photo of the ticket (the phone's camera app, or a file): the same decoder, for when live video is not allowed. */
export async function decodeTicketImage(file: File): Promise<string | null> {
  const { BrowserQRCodeReader } = await import('@zxing/browser');
  const url = URL.createObjectURL(file);
  try {
    return (await new BrowserQRCodeReader().decodeFromImageUrl(url)).getText();
  } catch {
    return null;
  } finally {
    URL.revokeObjectURL(url);
  }
}
