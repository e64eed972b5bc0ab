import { Alert, Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { MyEventsAcceptOfferDocument, MyEventsCancelDocument, type MyEventsRegistrationFragment } from './registration.generated.js';
import { downloadWithToken } from '../files/download.js';
import { formatDateTime } from '../formatting/format.js';
import { FormAlert } from '../ui/forms/FormAlert.js';
import { useActionError } from '../ui/forms/useActionError.js';

const STATUS_COLOR: Record<MyEventsRegistrationFragment['status'], string> = {
  CONFIRMED: 'green',
  PENDING_PAYMENT: 'yellow',
  WAITLISTED: 'gray',
  OFFERED: 'blue',
  CANCELLED: 'red',
};

/** Where the person's browser goes to pay: the Stripe Checkout page of the held seat. */
export function goToCheckout(url: string) {
  window.location.assign(url);
}

/**
 * What a registrant can do with a registration: pay for a held seat, accept an offered one before it
 * lapses, cancel, add it to a calendar, download the certificate.
 */
export function RegistrationActions({ registration }: { registration: MyEventsRegistrationFragment }) {
  const { t } = useTranslation();
  const { alert, clearAlert, setAlert, showError } = useActionError();
  const [{ fetching: accepting }, accept] = useMutation(MyEventsAcceptOfferDocument);
  const [{ fetching: cancelling }, cancel] = useMutation(MyEventsCancelDocument);
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const title = registration.event.title;

  const onAccept = async () => {
    clearAlert();
    const result = await accept({ registrationId: registration.id });
    if (result.error) return showError(result.error);
    const url = result.data?.acceptWaitlistOffer.checkoutUrl;
    if (url) goToCheckout(url);
  };

  const onCancel = async () => {
    clearAlert();
    const result = await cancel({ registrationId: registration.id });
    setConfirmingCancel(false);
    if (result.error) showError(result.error);
  };

  const onCertificate = async () => {
    clearAlert();
    if (!registration.certificateUrl) return;
    try {
      await downloadWithToken(registration.certificateUrl, `certificate-${registration.id}.pdf`);
    } catch {
      setAlert(t('myEvents.certificateFailed'));
    }
  };

  const live = registration.status !== 'CANCELLED';
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Badge color={STATUS_COLOR[registration.status]} variant="dot">{t(`myEvents.status.${registration.status}`)}</Badge>
        {registration.status === 'WAITLISTED' && registration.waitlistPosition ? (
          <Text size="sm">{t('myEvents.waitlistPosition', { position: registration.waitlistPosition })}</Text>
        ) : null}
      </Group>
      {registration.status === 'OFFERED' && registration.offerExpiresAt ? (
        <Alert color="blue" variant="light" title={t('myEvents.offerTitle')}>
          {t('myEvents.offerBody', { until: formatDateTime(registration.offerExpiresAt) })}
        </Alert>
      ) : null}
      {registration.status === 'PENDING_PAYMENT' && registration.holdExpiresAt ? (
        <Text size="sm">{t('myEvents.holdUntil', { until: formatDateTime(registration.holdExpiresAt) })}</Text>
      ) : null}
      <FormAlert message={alert} />
      <Group gap="xs">
        {registration.status === 'OFFERED' ? (
          <Button size="xs" loading={accepting} onClick={() => void onAccept()} aria-label={t('myEvents.acceptFor', { title })}>
            {t('myEvents.accept')}
          </Button>
        ) : null}
        {registration.status === 'PENDING_PAYMENT' && registration.checkoutUrl ? (
          <Button size="xs" component="a" href={registration.checkoutUrl} aria-label={t('myEvents.payFor', { title })}>
            {t('myEvents.pay')}
          </Button>
        ) : null}
        {live ? (
          <Anchor size="sm" href={`/events/${registration.event.id}.ics`} aria-label={t('myEvents.calendarFor', { title })}>
            {t('myEvents.calendar')}
          </Anchor>
        ) : null}
        {registration.certificateUrl ? (
          <Button size="xs" variant="light" onClick={() => void onCertificate()} aria-label={t('myEvents.certificateFor', { title })}>
            {t('myEvents.certificate')}
          </Button>
        ) : null}
        {live && !confirmingCancel ? (
          <Button size="xs" variant="subtle" color="red" onClick={() => setConfirmingCancel(true)} aria-label={t('myEvents.cancelFor', { title })}>
            {t('myEvents.cancel')}
          </Button>
        ) : null}
      </Group>
      {confirmingCancel ? (
        <Group gap="xs" role="group" aria-label={t('myEvents.cancelConfirmLabel', { title })}>
          <Text size="sm">{registration.price.amount > 0 ? t('myEvents.cancelPaidQuestion') : t('myEvents.cancelQuestion')}</Text>
          <Button size="xs" color="red" loading={cancelling} onClick={() => void onCancel()}>{t('myEvents.cancelYes')}</Button>
          <Button size="xs" variant="default" onClick={() => setConfirmingCancel(false)}>{t('myEvents.cancelNo')}</Button>
        </Group>
      ) : null}
    </Stack>
  );
}
