import { Alert, Box, Button, FileInput, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NotFoundPage } from '../not-found/NotFoundPage.js';
import { postFileWithToken } from '../../shared/files/upload.js';
import { formatNumber } from '../../shared/formatting/format.js';
import { RequireStaff } from '../../shared/session/guards.js';
import { FormAlert } from '../../shared/ui/forms/FormAlert.js';
import { Page } from '../../shared/ui/Page.js';
import { answerMessage, type ImportProblem, type ImportReport, readImportReport } from './import/import-report.js';
import { sectionAt } from './staff-sections.js';

const SECTION = sectionAt('/staff/import');
const IMPORT_URL = '/admin/members/import';

/** Members CSV import: the file is checked first (dry run, row by row), and written only when asked after a clean check. */
export function ImportPage() {
  return (
    <RequireStaff fallback={<NotFoundPage />} permissions={SECTION.permissions}>
      <MemberImport />
    </RequireStaff>
  );
}

function MemberImport() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<ImportReport | null>(null);
  const [done, setDone] = useState<ImportReport | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (dryRun: boolean): Promise<ImportReport | null> => {
    if (!file) return null;
    setAlert(null);
    setBusy(true);
    try {
      const { body } = await postFileWithToken(`${IMPORT_URL}?dryRun=${dryRun}`, file, 'text/csv');
      const report = readImportReport(body);
      if (!report) setAlert(answerMessage(body) ?? t('staff.import.failed'));
      return report;
    } catch {
      setAlert(t('staff.import.failed'));
      return null;
    } finally {
      setBusy(false);
    }
  };

  const onCheck = async () => {
    setDone(null);
    setCheck(await send(true));
  };
  const onImport = async () => {
    const report = await send(false);
    if (report?.errors.length) setCheck(report);
    else if (report) {
      setDone(report);
      setCheck(null);
      setFile(null);
    }
  };

  return (
    <Page title={t('staff.import.title')}>
      <Text>{t('staff.import.intro')}</Text>
      <Stack gap="sm" maw={520}>
        <FileInput
          label={t('staff.import.file')}
          description={t('staff.import.fileHint')}
          accept=".csv,text/csv"
          value={file}
          onChange={(next) => {
            setFile(next);
            setCheck(null);
            setDone(null);
            setAlert(null);
          }}
        />
        <Group>
          <Button onClick={() => void onCheck()} disabled={!file} loading={busy && !check}>
            {t('staff.import.check')}
          </Button>
        </Group>
      </Stack>
      <FormAlert message={alert} />
      {check && <CheckResult report={check} busy={busy} onImport={() => void onImport()} />}
      {done && (
        <Alert role="status" color="green" title={t('staff.import.doneTitle')}>
          {t('staff.import.counts', { created: formatNumber(done.created), updated: formatNumber(done.updated), unchanged: formatNumber(done.unchanged), accounts: formatNumber(done.accountsCreated) })}
        </Alert>
      )}
    </Page>
  );
}

function CheckResult({ report, busy, onImport }: { report: ImportReport; busy: boolean; onImport: () => void }) {
  const { t } = useTranslation();
  const counts = t('staff.import.counts', { created: formatNumber(report.created), updated: formatNumber(report.updated), unchanged: formatNumber(report.unchanged), accounts: formatNumber(report.accountsCreated) });
  return (
    <Stack gap="sm" component="section" aria-labelledby="import-check">
      <Title order={2} size="h3" id="import-check">{t('staff.import.checkTitle')}</Title>
      {report.errors.length > 0 ? (
        <>
          <Alert role="alert" color="red" title={t('staff.import.badTitle', { count: report.errors.length })}>{t('staff.import.nothingWritten')}</Alert>
          <ProblemTable label={t('staff.import.errorsLabel')} problems={report.errors} />
        </>
      ) : (
        <>
          <Alert role="status" color="blue" title={t('staff.import.goodTitle')}>{counts}</Alert>
          {report.warnings.length > 0 && <ProblemTable label={t('staff.import.warningsLabel')} problems={report.warnings} />}
          <Group>
            <Button onClick={onImport} loading={busy}>{t('staff.import.import')}</Button>
          </Group>
        </>
      )}
    </Stack>
  );
}

function ProblemTable({ label, problems }: { label: string; problems: ImportProblem[] }) {
  const { t } = useTranslation();
  if (problems.every((p) => p.line === null && p.column === null)) {
    return <List aria-label={label}>{problems.map((p, i) => <List.Item key={i}>{p.message}</List.Item>)}</List>;
  }
  return (
    <Box tabIndex={0} role="group" aria-label={label} style={{ overflowX: 'auto' }}>
      <Table striped withTableBorder>
        <Table.Caption>{label}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('staff.import.line')}</Table.Th>
            <Table.Th scope="col">{t('staff.import.column')}</Table.Th>
            <Table.Th scope="col">{t('staff.import.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {problems.map((p, i) => (
            <Table.Tr key={i}>
              <Table.Td>{p.line ?? ''}</Table.Td>
              <Table.Td>{p.column ?? ''}</Table.Td>
              <Table.Td>{p.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
