import { Button, FileButton, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../../shared/ui/forms/FormAlert.js';
import { decodeTicketImage, QrScanner } from './QrScanner.js';
import { ticketCodeFrom } from './ticket-code.js';

/**
 * Scan a ticket: the live camera (asked for only when "Scan" is pressed) or a photo of the ticket;
 * what is read goes through `ticketCodeFrom` to `onCode`, the path a typed code takes too.
 */
export function ScanTicket({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation();
  const [scanning, setScanning] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const read = (text: string | null) => {
    setScanning(false);
    const code = text === null ? null : ticketCodeFrom(text);
    if (!code) setProblem(t('staffEvents.scan.notATicket'));
    else {
      setProblem(null);
      onCode(code);
    }
  };

  return (
    <Stack gap="xs">
      <Group>
        <Button variant={scanning ? 'default' : 'filled'} onClick={() => { setProblem(null); setScanning(!scanning); }}>
          {scanning ? t('staffEvents.scan.stop') : t('staffEvents.scan.start')}
        </Button>
        <FileButton accept="image/*" capture="environment" onChange={(file) => file && void decodeTicketImage(file).then(read)}>
          {(props) => <Button variant="light" {...props}>{t('staffEvents.scan.photo')}</Button>}
        </FileButton>
      </Group>
      <FormAlert message={problem} />
      {scanning ? <QrScanner onText={read} /> : null}
    </Stack>
  );
}
