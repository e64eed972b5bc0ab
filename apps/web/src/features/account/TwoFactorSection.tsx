import { Alert, Badge, Button, Code, Group, Image, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { AccountConfirmTotpDocument, AccountDisableTotpDocument, AccountStartTotpDocument, type AccountStartTotpMutation, AccountTwoFactorDocument } from './two-factor.generated.js';
import { FormAlert } from '../../shared/ui/forms/FormAlert.js';
import { useActionError } from '../../shared/ui/forms/useActionError.js';
import { useApiErrors } from '../../shared/ui/forms/useApiErrors.js';
import { ErrorState, LoadingState } from '../../shared/ui/states.js';
import { RecoveryCodes } from './RecoveryCodes.js';

type Enrollment = AccountStartTotpMutation['startTotpEnrollment'];

/**
 * The QR code as an image: the API's SVG goes into a data: URL, so its markup is never parsed into
 * the page (an <img> runs no script and reaches nothing else), and the CSP allows data: images.
 */
export const svgDataUrl = (svg: string): string => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

/** Two-factor sign-in on the account page: enrol (QR code, confirm, recovery codes once) or turn it off. */
export function TwoFactorSection() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({ query: AccountTwoFactorDocument, requestPolicy: 'cache-and-network' });
  const [codes, setCodes] = useState<string[] | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  if (codes)
    return (
      <RecoveryCodes
        codes={codes}
        onDone={() => {
          setCodes(null);
          reload();
        }}
      />
    );
  if (fetching && !data) return <LoadingState />;
  if (error) return <ErrorState error={error} />;
  if (!data) return null;
  const status = data.myTwoFactor;
  return (
    <Stack>
      <Group gap="sm">
        <Text>{t('twoFactor.statusLabel')}</Text>
        <Badge color={status.enabled ? 'green' : 'gray'} variant="light">{status.enabled ? t('twoFactor.on') : t('twoFactor.off')}</Badge>
      </Group>
      {status.enabled ? (
        <>
          <Text size="sm">{t('twoFactor.codesLeft', { count: status.recoveryCodesLeft })}</Text>
          <DisableForm onDisabled={reload} />
        </>
      ) : (
        <Enrol onConfirmed={setCodes} />
      )}
    </Stack>
  );
}

function Enrol({ onConfirmed }: { onConfirmed: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const [enrollment, setEnrollment] = useState<Enrollment | null>(null);
  const [starting, start] = useMutation(AccountStartTotpDocument);
  const [confirming, confirm] = useMutation(AccountConfirmTotpDocument);
  const action = useActionError();
  const form = useForm({
    initialValues: { code: '' },
    validate: { code: (value) => (/^\d{6}$/.test(value.trim()) ? null : t('twoFactor.codeInvalid')) },
  });
  const { alert, clearAlert, showError } = useApiErrors(form, { prefix: '' });

  const onStart = async () => {
    action.clearAlert();
    const result = await start({});
    if (result.error || !result.data) return result.error && action.showError(result.error);
    setEnrollment(result.data.startTotpEnrollment);
  };

  const submit = form.onSubmit(async (values) => {
    clearAlert();
    const result = await confirm({ code: values.code.trim() });
    if (result.error || !result.data) return result.error && showError(result.error);
    onConfirmed(result.data.confirmTotpEnrollment);
  });

  if (!enrollment)
    return (
      <Stack>
        <Text size="sm">{t('twoFactor.explain')}</Text>
        <FormAlert message={action.alert} />
        <Button onClick={() => void onStart()} loading={starting.fetching} w="fit-content">{t('twoFactor.start')}</Button>
      </Stack>
    );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('twoFactor.scan')}</Text>
        <Image src={svgDataUrl(enrollment.qrCodeSvg)} alt={t('twoFactor.qrAlt')} w={200} h={200} bg="white" />
        <Text size="sm">{t('twoFactor.manual')}</Text>
        <Code aria-label={t('twoFactor.secretLabel')} style={{ wordBreak: 'break-all' }}>{enrollment.secret}</Code>
        <FormAlert message={alert} />
        <TextInput
          label={t('twoFactor.codeLabel')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          maw={240}
          {...form.getInputProps('code')}
        />
        <Button type="submit" loading={confirming.fetching} w="fit-content">{t('twoFactor.confirm')}</Button>
      </Stack>
    </form>
  );
}

function DisableForm({ onDisabled }: { onDisabled: () => void }) {
  const { t } = useTranslation();
  const [{ fetching }, disable] = useMutation(AccountDisableTotpDocument);
  const [done, setDone] = useState(false);
  const form = useForm({
    initialValues: { code: '' },
    validate: { code: (value) => (value.trim() ? null : t('twoFactor.codeRequired')) },
  });
  const { alert, clearAlert, showError } = useApiErrors(form, { prefix: '' });
  const submit = form.onSubmit(async (values) => {
    clearAlert();
    const result = await disable({ code: values.code.trim() });
    if (result.error) return showError(result.error);
    setDone(true);
    onDisabled();
  });
  if (done) return <Alert role="status" color="green" variant="light">{t('twoFactor.disabled')}</Alert>;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormAlert message={alert} />
        <TextInput label={t('twoFactor.disableCodeLabel')} autoComplete="one-time-code" required maw={320} {...form.getInputProps('code')} />
        <Button type="submit" color="red" variant="light" loading={fetching} w="fit-content">{t('twoFactor.disable')}</Button>
      </Stack>
    </form>
  );
}

