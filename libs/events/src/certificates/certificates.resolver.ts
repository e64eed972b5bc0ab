import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../../../core/src/index.js';
import { VerifyCertificateArgs } from '../args/event.args.js';
import { CertificateVerification } from '../types/registration.type.js';
import { CertificatesService } from './certificates.service.js';

@Resolver(() => CertificateVerification)
export class CertificatesResolver {
  constructor(private readonly certificates: CertificatesService) {}

  @Public()
  @Query(() => CertificateVerification, { description: 'Public: whose certificate a code is, for which event, how many credits, issued when; or not valid.' })
  verifyCertificate(@Args() { code }: VerifyCertificateArgs): Promise<CertificateVerification> {
    return this.certificates.verify(code);
  }
}
