import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { MyEventsRegisterDocument, type MyEventsRegistrationFragment } from './registration.generated.js';
import { formatMoney } from '../formatting/format.js';
import { FormAlert } from '../ui/forms/FormAlert.js';
import { useActionError } from '../ui/forms/useActionError.js';
import { availability } from './availability.js';
import { goToCheckout, RegistrationActions } from './RegistrationActions.js';

type Money = { amount: number; currency: string };

/** What registering needs to know of an event (the event page's and my events' queries both select it). */
export type EventForRegistration = {
  id: string;
  status: string;
  seatsRemaining: number | null;
  waitlistCount: number;
  waitlistLimit: number | null;
  membersOnly: boolean;
  memberPrice: Money;
  nonMemberPrice: Money;
  myRegistration: MyEventsRegistrationFragment | null;
};

/**
 * Registering for one event: the prices, seats left, then a seat (free), a held seat and the Stripe
 * payment page (paid), or a place on the waitlist (full). Once registered: the registration's actions.
 */
export function RegisterPanel({
  event,
  onRegistered,
  showSummary = true,
}: {
  event: EventForRegistration;
  onRegistered: () => void;
  /** The prices and seats left; off where the page shows them already. */
  showSummary?: boolean;
}) {
  const { t } = useTranslation();
  const [{ fetching }, register] = useMutation(MyEventsRegisterDocument);
  const { alert, clearAlert, showError } = useActionError();
  const mine = event.myRegistration && event.myRegistration.status !== 'CANCELLED' ? event.myRegistration : null;
  const open = availability(event);
  const price = (money: Money) => (money.amount === 0 ? t('myEvents.free') : formatMoney(money));

  const onRegister = async () => {
    clearAlert();
    const result = await register({ eventId: event.id });
    if (result.error) return showError(result.error);
    onRegistered();
    const url = result.data?.registerForEvent.checkoutUrl;
    if (result.data?.registerForEvent.status === 'PENDING_PAYMENT' && url) goToCheckout(url);
  };

  return (
    <Stack gap="sm">
      {showSummary ? (
        <>
          <Group gap="lg">
            <Text size="sm">{t('myEvents.memberPrice', { price: price(event.memberPrice) })}</Text>
            {event.membersOnly ? <Text size="sm">{t('myEvents.membersOnly')}</Text> : <Text size="sm">{t('myEvents.nonMemberPrice', { price: price(event.nonMemberPrice) })}</Text>}
          </Group>
          {event.seatsRemaining !== null ? (
            <Text size="sm">
              {open === 'seat' ? t('myEvents.seatsLeft', { count: event.seatsRemaining }) : open === 'waitlist' ? t('myEvents.full', { count: event.waitlistCount }) : t('myEvents.soldOut')}
            </Text>
          ) : null}
        </>
      ) : null}
      <FormAlert message={alert} />
      {mine ? (
        <RegistrationActions registration={mine} />
      ) : event.status === 'PUBLISHED' && open === 'soldOut' ? (
        <Text size="sm">{t('myEvents.soldOutNoRegistration')}</Text>
      ) : event.status === 'PUBLISHED' ? (
        <Button onClick={() => void onRegister()} loading={fetching} maw={320}>
          {open === 'waitlist' ? t('myEvents.joinWaitlist') : t('myEvents.register')}
        </Button>
      ) : (
        <Text size="sm">{t('myEvents.closed')}</Text>
      )}
    </Stack>
  );
}
