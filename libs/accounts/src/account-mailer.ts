import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig, OutboxService } from '../../core/src/index.js';

export interface AccountRecipient {
  id: string;
  email: string;
  fullName: string;
}

interface LinkEmail {
  template: string;
  subject: string;
  /** Paragraphs before the link. */
  lead: string[];
  action: string;
  link: string;
  /** Paragraphs after the link. */
  tail: string[];
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The account emails (reset, invitation, verification, email change), written to the outbox in the
 * caller's transaction, each as plain text with a simple HTML alternative. Links carry the raw token;
 * only its hash is stored.
 */
@Injectable()
export class AccountMailer {
  constructor(
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  link(path: string, token: string): string {
    return `${this.config.publicUrl}/${path}?token=${encodeURIComponent(token)}`;
  }

  passwordReset(manager: EntityManager, to: AccountRecipient, token: string): Promise<boolean> {
    return this.send(manager, to, to.email, {
      template: 'account-password-reset',
      subject: 'Reset your password',
      lead: ['Someone (we hope you) asked to reset the password of your account.'],
      action: 'Choose a new password',
      link: this.link('reset-password', token),
      tail: ['The link works once, for one hour. Using it signs you out everywhere.', 'If you did not ask for this, ignore this email: your password stays as it is.'],
    });
  }

  invitation(manager: EntityManager, to: AccountRecipient, associationName: string, token: string): Promise<boolean> {
    return this.send(manager, to, to.email, {
      template: 'account-invitation',
      subject: `Your ${associationName} account is ready`,
      lead: [`${associationName} has an account for you, with your membership already in it. Choose a password to start using it.`],
      action: 'Set your password',
      link: this.link('claim', token),
      tail: ['The link works once, for 14 days.'],
    });
  }

  verification(manager: EntityManager, to: AccountRecipient, token: string): Promise<boolean> {
    return this.send(manager, to, to.email, {
      template: 'account-verify-email',
      subject: 'Confirm your email address',
      lead: ['Please confirm that this is your email address.'],
      action: 'Confirm my email',
      link: this.link('verify-email', token),
      tail: ['The link works once, for 7 days.'],
    });
  }

  emailChangeConfirmation(manager: EntityManager, to: AccountRecipient, newEmail: string, token: string): Promise<boolean> {
    return this.send(manager, to, newEmail, {
      template: 'account-email-change-confirm',
      subject: 'Confirm your new email address',
      lead: [`You asked to change your account's email address to ${newEmail}.`],
      action: 'Confirm the change',
      link: this.link('confirm-email', token),
      tail: ['The link works once, for 24 hours. Until you confirm, your account keeps its current address.'],
    });
  }

  /** To the old address: not a link, just word that a change was asked for. */
  emailChangeNotice(manager: EntityManager, to: AccountRecipient, newEmail: string): Promise<boolean> {
    const text = [
      `Someone signed in to your account asked to change its email address to ${newEmail}.`,
      'The change happens only when the new address confirms it. If this was not you, change your password now and tell us.',
    ];
    return this.outbox.enqueue(manager, {
      to: to.email,
      recipientUserId: to.id,
      template: 'account-email-change-notice',
      subject: 'A change of your email address was asked for',
      text: `Dear ${to.fullName},\n\n${text.join('\n\n')}`,
      html: this.html(to.fullName, text.map((p) => `<p>${escapeHtml(p)}</p>`)),
    });
  }

  private send(manager: EntityManager, to: AccountRecipient, address: string, email: LinkEmail): Promise<boolean> {
    const text = [...email.lead, `${email.action}: ${email.link}`, ...email.tail].join('\n\n');
    const html = this.html(to.fullName, [
      ...email.lead.map((p) => `<p>${escapeHtml(p)}</p>`),
      `<p><a href="${escapeHtml(email.link)}">${escapeHtml(email.action)}</a></p>`,
      `<p>Or paste this address into your browser: ${escapeHtml(email.link)}</p>`,
      ...email.tail.map((p) => `<p>${escapeHtml(p)}</p>`),
    ]);
    return this.outbox.enqueue(manager, {
      to: address,
      recipientUserId: to.id,
      template: email.template,
      subject: email.subject,
      text: `Dear ${to.fullName},\n\n${text}`,
      html,
    });
  }

  private html(fullName: string, paragraphs: string[]): string {
    return `<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5"><p>Dear ${escapeHtml(fullName)},</p>${paragraphs.join('')}</body></html>`;
  }
}
